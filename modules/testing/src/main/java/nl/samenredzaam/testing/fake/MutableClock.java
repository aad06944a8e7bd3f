package nl.samenredzaam.testing.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A {@link Clock} a test sets and moves forward, so that nothing depends on the wall clock. Give
 * it to the code under test where production code gets the platform's clock.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
 * clock.advance(Duration.ofDays(8));
 * }</pre>
 *
 * <p>Thread safe; {@link #withZone(ZoneId)} returns a view that follows this clock.
 */
public final class MutableClock extends Clock {

    private final Object lock;
    private final Instant[] now;
    private final ZoneId zone;

    private MutableClock(Object lock, Instant[] now, ZoneId zone) {
        this.lock = lock;
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing still at {@code instant}, in the Europe/Amsterdam time zone. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(new Object(), new Instant[] {Objects.requireNonNull(instant, "instant")},
                ZoneId.of("Europe/Amsterdam"));
    }

    /** A clock at an ISO-8601 instant such as {@code 2026-03-02T09:00:00Z}. */
    public static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Sets the time. */
    public MutableClock set(Instant instant) {
        synchronized (lock) {
            now[0] = Objects.requireNonNull(instant, "instant");
        }
        return this;
    }

    /** Moves the time forward (or back, with a negative duration). */
    public MutableClock advance(Duration duration) {
        synchronized (lock) {
            now[0] = now[0].plus(duration);
        }
        return this;
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now[0];
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock seen from another time zone; moving either moves both. */
    @Override
    public MutableClock withZone(ZoneId newZone) {
        return new MutableClock(lock, now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + ", " + zone + "]";
    }
}
