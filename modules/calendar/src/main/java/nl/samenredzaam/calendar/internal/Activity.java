package nl.samenredzaam.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An activity as stored: a single event or a series (with an RRULE and exception dates).
 * Times are instants; they are shown in Europe/Amsterdam.
 */
public record Activity(long id, String title, String description, String category, String organiserName,
        Long organiserUserId, String location, String accessibility, boolean wheelchair, boolean hearingLoop,
        String onlineUrl, Instant start, Instant end, String rrule, List<LocalDate> exceptions, Integer capacity,
        boolean registrationRequired, boolean waitlist, String cost, Visibility visibility, Status status, int sequence,
        Instant updatedAt) {

    /** Who may see the activity. */
    public enum Visibility {
        PUBLIC, MEMBERS
    }

    /** Where the activity stands. */
    public enum Status {
        CONCEPT, PUBLISHED, CANCELLED
    }

    public Activity {
        exceptions = List.copyOf(exceptions);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean recurring() {
        return rrule != null && !rrule.isBlank();
    }

    /** Whether people can take part in it through the calendar (and so a capacity and waitlist apply). */
    public boolean takesRegistrations() {
        return registrationRequired && status == Status.PUBLISHED;
    }
}
