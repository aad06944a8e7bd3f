package nl.samenredzaam.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping: polls it until it holds or a deadline passes. Tests use this for
 * anything asynchronous (a server coming up, FileInstall picking up a jar, an event arriving).
 *
 * <pre>{@code
 * Eventually.within(Duration.ofSeconds(5)).until(() -> platform.http().get("/x").status() == 200, "x served");
 * }</pre>
 */
public final class Eventually {

    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private final Duration timeout;
    private final Duration interval;

    private Eventually(Duration timeout, Duration interval) {
        this.timeout = timeout;
        this.interval = interval;
    }

    public static Eventually within(Duration timeout) {
        return new Eventually(timeout, DEFAULT_INTERVAL);
    }

    public Eventually polling(Duration every) {
        return new Eventually(timeout, every);
    }

    /**
     * Returns as soon as {@code condition} is true.
     *
     * @throws AssertionError naming {@code what} when the deadline passes first
     */
    public void until(BooleanSupplier condition, String what) {
        until(condition, () -> what);
    }

    /** Like {@link #until(BooleanSupplier, String)}, with a message computed when the wait fails (e.g. a log tail). */
    public void until(BooleanSupplier condition, Supplier<String> failureMessage) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("Not within " + timeout.toMillis() + " ms: " + failureMessage.get());
            }
            LockSupport.parkNanos(Math.min(interval.toNanos(), Math.max(0, deadline - System.nanoTime())));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting: " + failureMessage.get());
            }
        }
    }
}
