package nl.samenredzaam.volunteering.internal;

import java.time.Instant;

/**
 * An upcoming calendar activity someone may need a ride to (a copy of the calendar's data, so
 * that nothing else in this bundle depends on the optional calendar API).
 */
public record Activity(long id, String title, Instant start, Instant end, String location) {

    /** The value of the choice in a form: {@code id@epochSecond}. */
    public String key() {
        return id + "@" + start.getEpochSecond();
    }
}
