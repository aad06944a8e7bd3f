package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import nl.samenredzaam.api.web.WebRequest;

/** The JSON shapes of the API. Times are ISO-8601 with the Europe/Amsterdam offset. */
final class Views {

    private Views() {
    }

    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(Recurrence.ZONE).toOffsetDateTime();
    }

    /** One occurrence; {@code occurrence} is its key for registrations (the start the series gave it). */
    record OccurrenceView(long activityId, String title, String category, OffsetDateTime start, OffsetDateTime end,
            OffsetDateTime occurrence, boolean cancelled, boolean moved, String note, String location, Integer capacity,
            Integer placesLeft, int registered, int waitlisted, boolean registrationRequired, String url) {
    }

    static OccurrenceView occurrence(WebRequest req, Occurrence o) {
        Activity a = o.activity();
        return new OccurrenceView(a.id(), a.title(), a.category(), local(o.start()), local(o.end()), local(o.key()),
                o.isCancelled(), o.moved(), o.note(), a.location(), a.capacity(), o.placesLeft(), o.registered(), o.waitlisted(),
                a.registrationRequired(), req.absoluteUrl("/calendar/activities/" + a.id()));
    }

    record ActivityView(long id, String title, String description, String category, String organiser, String location,
            String accessibility, boolean wheelchair, boolean hearingLoop, String onlineUrl, OffsetDateTime start,
            OffsetDateTime end, String recurrence, List<LocalDate> exceptions, Integer capacity, boolean registrationRequired,
            boolean waitlist, String cost, String visibility, String status, int sequence, String url, String ics,
            List<OccurrenceView> next) {
    }

    static ActivityView activity(WebRequest req, Activity a, List<Occurrence> next) {
        return new ActivityView(a.id(), a.title(), a.description(), a.category(), a.organiserName(), a.location(),
                a.accessibility(), a.wheelchair(), a.hearingLoop(), a.onlineUrl(), local(a.start()), local(a.end()), a.rrule(),
                a.exceptions(), a.capacity(), a.registrationRequired(), a.waitlist(), a.cost(), a.visibility().name(),
                a.status().name(), a.sequence(), req.absoluteUrl("/calendar/activities/" + a.id()),
                req.absoluteUrl("/calendar/activities/" + a.id() + "/activity.ics"),
                next.stream().map(o -> occurrence(req, o)).toList());
    }

    /** A registration; name and phone only for those who manage the list or for the person's own. */
    record RegistrationView(long id, long activityId, OffsetDateTime occurrence, String status, String name, String phone,
            String email, boolean onBehalf) {
    }

    static RegistrationView registration(RegistrationRow r, boolean withContact) {
        return new RegistrationView(r.id(), r.activityId(), local(r.occurrenceStart()), r.status().name(), r.name(),
                withContact ? r.phone() : null, withContact ? r.email() : null, r.onBehalf());
    }
}
