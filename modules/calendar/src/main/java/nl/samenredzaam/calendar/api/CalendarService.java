package nl.samenredzaam.calendar.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;

/**
 * The calendar's offer to other modules. Every call takes the caller's {@link Sql}, so it runs in
 * the caller's transaction and initiative. Callers check first that the calendar module is enabled
 * for the initiative (their request's menu/registry), and fall back to free text when it is not.
 */
@ProviderType
public interface CalendarService {

    /** Published occurrences between {@code from} and {@code to}, earliest first, at most {@code limit}. */
    List<UpcomingActivity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit);

    /**
     * Registers a participant for the occurrence that starts at {@code start}. Places are taken
     * atomically; when the activity is full the participant is put on the waitlist.
     *
     * @throws IllegalArgumentException when there is no such occurrence
     */
    Registration register(Sql sql, long activityId, OffsetDateTime start, Participant participant);

    /** The current state of a registration (after the activity: present or absent). */
    Optional<Registration> registration(Sql sql, long registrationId);
}
