package nl.samenredzaam.wmointake.internal.coop;

import java.time.OffsetDateTime;
import java.util.List;

import nl.samenredzaam.api.data.Sql;

/** What this module needs from the activity calendar; implemented by {@link CalendarAdapter} when the calendar is installed. */
public interface ActivityOffer {

    /** An upcoming occurrence. */
    record Activity(long activityId, String title, OffsetDateTime start, String location, Integer placesLeft) {
    }

    /** The result of a registration. */
    record Registered(long registrationId, boolean waitlisted) {
    }

    List<Activity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit);

    /** Where a registration stands: {@code REGISTERED}, {@code WAITLISTED}, {@code CANCELLED}, {@code PRESENT}, {@code ABSENT}. */
    java.util.Optional<String> registrationState(Sql sql, long registrationId);

    /** Registers the person; an {@link IllegalArgumentException} when there is no such occurrence. */
    Registered register(Sql sql, long activityId, OffsetDateTime start, Long userId, String name, String phone);
}
