package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.util.List;

import nl.samenredzaam.api.data.Sql;

/**
 * Upcoming activities someone may need transport to. Registered by {@code CalendarBridge} only
 * while the calendar's API is there; without it the form offers free text.
 */
public interface ActivityOffer {

    List<Activity> upcoming(Sql sql, Instant from, Instant to, int limit);
}
