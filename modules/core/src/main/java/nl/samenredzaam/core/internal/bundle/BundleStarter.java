package nl.samenredzaam.core.internal.bundle;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the framework calls that execute a module's own code (start, update, uninstall: its
 * activator and its Declarative Services components) on a thread of their own, and waits for them
 * at most a set time. A module whose activation never returns then holds only that thread: the
 * caller (an upload request, core's start, the cluster listener) gets an answer, the bundle is
 * marked as stuck in {@link BundleHealth} and shown as failed, and every other bundle keeps going.
 * The stuck thread cannot be stopped from outside (Java has no safe way), and it is not interrupted
 * either: the same thread runs the bundle's database migrations, and an interrupt during an H2 write
 * closes the database file. It stays until it finishes late or the platform restarts.
 */
final class BundleStarter implements AutoCloseable {

    /** Environment variable (or system property {@value #PROPERTY}) with the start time-out in seconds. */
    static final String ENV = "SAMENREDZAAM_BUNDLE_START_TIMEOUT";
    static final String PROPERTY = "samenredzaam.bundle.start.timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(BundleStarter.class);
    private static final AtomicInteger COUNT = new AtomicInteger();

    /** A framework call on one bundle. */
    @FunctionalInterface
    interface BundleCall {
        void run() throws BundleException;
    }

    /** The outcome of a call: {@code null} problem when it finished without error. */
    record Outcome(String problem, boolean timedOut) {
        static final Outcome OK = new Outcome(null, false);

        boolean ok() {
            return problem == null;
        }
    }

    private final BundleHealth health;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog;

    BundleStarter(BundleHealth health, Duration timeout) {
        this.health = health;
        this.timeout = timeout;
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "samenredzaam-bundle-watchdog");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        this.watchdog = w;
    }

    static Duration configuredTimeout() {
        String value = System.getProperty(PROPERTY, System.getenv(ENV));
        if (value == null || value.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TIMEOUT;
        } catch (NumberFormatException e) {
            LOG.warn("{} is not a number of seconds: '{}'; using {} s", ENV, value, DEFAULT_TIMEOUT.toSeconds());
            return DEFAULT_TIMEOUT;
        }
    }

    Duration timeout() {
        return timeout;
    }

    /** The problem shown for a bundle whose start did not finish in time. */
    String stuckProblem() {
        long s = timeout.toSeconds();
        return "Start duurde langer dan " + s + " s; de module is geïsoleerd en doet niet mee / start took longer than " + s
                + " s; the module is isolated and does not serve";
    }

    /**
     * Runs {@code call} (e.g. {@code bundle::start}) on its own thread. Returns at once; the bundle is
     * marked stuck when the call has not finished after the time-out, and unmarked if it finishes later.
     */
    CompletableFuture<Void> submit(Bundle bundle, String what, BundleCall call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                call.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "samenredzaam-bundle-" + what + "-" + COUNT.incrementAndGet() + "-" + bundle.getSymbolicName());
        worker.setDaemon(true);
        long id = bundle.getBundleId();
        var check = watchdog.schedule(() -> {
            if (!done.isDone()) {
                markStuck(bundle, what, worker);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((x, e) -> {
            check.cancel(false);
            if (health.isStuck(id)) {
                health.unstuck(id);
                LOG.warn("{} of bundle {} finished after all, {} late", what, bundle.getSymbolicName(),
                        e == null ? "successfully" : "with an error");
            }
        });
        worker.start();
        return done;
    }

    /**
     * Runs {@code call} on its own thread and waits for it at most the time-out.
     *
     * @return what went wrong, or {@link Outcome#OK}
     */
    Outcome run(Bundle bundle, String what, BundleCall call) {
        CompletableFuture<Void> done = submit(bundle, what, call);
        try {
            done.get(timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
            return Outcome.OK;
        } catch (TimeoutException e) {
            if (!health.isStuck(bundle.getBundleId()) && !done.isDone()) {
                health.stuck(bundle.getBundleId(), stuckProblem());
            }
            return done.isDone() ? outcome(done) : new Outcome(stuckProblem(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("Onderbroken / interrupted", false);
        } catch (ExecutionException e) {
            return failure(e.getCause());
        }
    }

    private static Outcome outcome(CompletableFuture<Void> done) {
        try {
            done.join();
            return Outcome.OK;
        } catch (java.util.concurrent.CompletionException e) {
            return failure(e.getCause());
        }
    }

    private static Outcome failure(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Outcome(ResolverMessages.explain(message), false);
    }

    private void markStuck(Bundle bundle, String what, Thread worker) {
        health.stuck(bundle.getBundleId(), stuckProblem());
        String where = Arrays.stream(worker.getStackTrace()).limit(12).map(f -> "\tat " + f).collect(Collectors.joining("\n"));
        LOG.error("{} of bundle {} {} did not finish within {} s; the bundle is isolated and shown as failed. "
                + "Its thread {} is stuck here:\n{}", what, bundle.getSymbolicName(), bundle.getVersion(), timeout.toSeconds(),
                worker.getName(), where);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
