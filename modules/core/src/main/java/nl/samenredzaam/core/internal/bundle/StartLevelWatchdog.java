package nl.samenredzaam.core.internal.bundle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Isolates a bundle shipped in {@code samenredzaam.jar} whose activation never returns while the
 * platform starts.
 *
 * <p>The bundles of {@code -runbundles} are started by the framework's single start-level thread
 * ({@code FelixStartLevel}), one after the other, and Felix runs a bundle's activator and its immediate
 * Declarative Services components in that thread. If one never returns, every later bundle of its level
 * (web, identity, the feature modules: level 20) would never start and {@code /health} would stay 503.
 * This watchdog notes every bundle that begins starting on that thread (a synchronous bundle listener
 * sees its STARTING event on that thread). When one has been STARTING longer than the bundle start
 * time-out ({@link BundleStarter#configuredTimeout()}), it
 * <ol>
 * <li>logs an error naming the bundle and where its thread hangs,</li>
 * <li>marks it stuck in {@link BundleHealth} (the bundle API, the module list, the operator page and
 * {@link StartLevelReadiness} then count it as failed), and</li>
 * <li>starts the bundles the start-level thread has not reached yet, in the order Felix would have
 * (start level, then bundle id), each with {@code start(START_TRANSIENT)} through a
 * {@link BundleStarter} (a thread of its own and the same time-out), one after the other.</li>
 * </ol>
 * Each STARTING event on that thread schedules one check a time-out later; in a normal start the bundle
 * has started by then and the watchdog does nothing. It stops watching once the framework reports
 * STARTLEVEL_CHANGED (the raise is done); when core restarts on a running platform no bundle starts on
 * that thread and it never acts either.
 *
 * <p>What Felix 7.0.5 does, checked in its source ({@code Felix.setActiveStartLevel},
 * {@code Felix.startBundle}, {@code Felix.acquireBundleLock}, {@code Felix.acquireGlobalLock}) and in a
 * thread dump of a platform with a stuck shipped bundle:
 * <ul>
 * <li>The start-level thread takes the global lock only to make a snapshot of the bundles, sorted by
 * (start level, bundle id), and releases it. Then, for each bundle, it holds only that bundle's lock
 * while it calls {@code startBundle}. A stuck activator therefore holds its own bundle lock and no
 * other lock; other threads can lock, resolve and start every other bundle.</li>
 * <li>While it works on a bundle of level N, {@code getStartLevel()} reports N (Felix sets its active
 * level to the level of the bundle in hand; with all modules at 20 that is the target level already).
 * {@code startBundle} from another thread with {@code START_TRANSIENT} is allowed for a bundle whose
 * level is not above that: the queue of the start-level thread is not empty, so the bundle is added to
 * it (it is there already) and, because the start is transient, started synchronously in the calling
 * thread. A persistent {@code start()} would only be queued for the stuck thread and return at once,
 * which is why the take-over (and core's start of restored uploads) uses {@code START_TRANSIENT}.
 * Bundles of a higher level than the one in hand cannot be started this way ({@code START_TRANSIENT_ERROR});
 * here only level 100 (SPI Fly, never started) is above the modules' level.</li>
 * <li>When the stuck thread comes back, the start-level thread goes on with its snapshot: it locks each
 * remaining bundle (waiting while a take-over start holds it), finds it ACTIVE and leaves it, then
 * sends STARTLEVEL_CHANGED. A bundle started both ways is started once.</li>
 * <li>A transient start leaves the bundle's persistent state as it was (the launcher marked it to
 * start already), so nothing changes for the next start of the platform.</li>
 * </ul>
 *
 * <p>What it cannot do: the stuck thread itself cannot be stopped (Java has no safe way, and the
 * fixture in the tests even ignores interrupts); it stays until the platform stops. For as long as it
 * hangs the framework's raise is not finished (no STARTLEVEL_CHANGED), and a shutdown cannot stop the
 * bundles in order: Felix stops them by lowering the level on that same start-level thread
 * ({@code FrameworkStartLevelImpl.setStartLevelAndWait(0)} queues a request the stuck thread never takes),
 * so no bundle is stopped, the launcher gives up after its stop time-out (20 s) and the JVM exits
 * without closing the database (see docs/reliability.md for what an unclean stop can cost on H2). A framework operation that takes the global lock and then
 * needs the stuck bundle's lock (a refresh that includes that bundle) would wait for ever and block every
 * bundle operation after it; nothing in the platform refreshes a shipped bundle, and core refreshes only
 * the uploaded bundle concerned. Bundles of a level above the stuck bundle's level cannot be started.
 * A bundle that hangs in core itself or below (level 10 and lower) is not covered: the watchdog is part
 * of core.
 */
@Component(service = StartLevelWatchdog.class, immediate = true)
public final class StartLevelWatchdog implements SynchronousBundleListener, FrameworkListener {

    /** Felix's start-level thread ({@code FrameworkStartLevelImpl.THREAD_NAME}). */
    static final String START_LEVEL_THREAD = "FelixStartLevel";

    private static final Logger LOG = LoggerFactory.getLogger(StartLevelWatchdog.class);

    /** Starts one bundle and says how it went (production: {@link BundleStarter#run} with START_TRANSIENT). */
    @FunctionalInterface
    interface Starter {
        BundleStarter.Outcome start(Bundle bundle);
    }

    /** A bundle that began starting on the start-level thread, when, and that thread. */
    private record Starting(Bundle bundle, long since, Thread thread) {
    }

    private final BundleContext context;
    private final BundleHealth health;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final Starter starter;
    private final Executor takeOvers;
    private final String stuckProblem;
    private final Map<Long, Starting> starting = new ConcurrentHashMap<>();
    /** Bundles this watchdog marked stuck (and took over after). */
    private final Set<Long> isolated = ConcurrentHashMap.newKeySet();
    private final List<Runnable> afterTakeOver = new CopyOnWriteArrayList<>();
    /** The framework sent STARTLEVEL_CHANGED: the start-level thread finished raising the level. */
    private volatile boolean raised;
    // production only
    private final BundleStarter bundleStarter;
    private final ScheduledExecutorService ticker;
    private final ExecutorService takeOverThread;
    /** Schedules a {@link #check()} one time-out from now. */
    private final Runnable checkLater;

    @Activate
    public StartLevelWatchdog(BundleContext context, @Reference BundleHealth health) {
        this.context = context;
        this.health = health;
        this.timeout = BundleStarter.configuredTimeout();
        this.nanoTime = System::nanoTime;
        this.bundleStarter = new BundleStarter(health, timeout);
        this.starter = b -> bundleStarter.run(b, "start", () -> b.start(Bundle.START_TRANSIENT));
        this.takeOverThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "samenredzaam-startlevel-takeover");
            t.setDaemon(true);
            return t;
        });
        this.takeOvers = takeOverThread;
        this.stuckProblem = bundleStarter.stuckProblem();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "samenredzaam-startlevel-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.checkLater = () -> {
            try {
                ticker.schedule(this::check, timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the raise just finished, or core is stopping: nothing to check
            }
        };
        context.addBundleListener(this);
        context.addFrameworkListener(this);
    }

    /** For tests: no threads; the test calls {@link #check()}, take-overs run on {@code takeOvers}. */
    StartLevelWatchdog(BundleContext context, BundleHealth health, Duration timeout, LongSupplier nanoTime, Starter starter,
            Executor takeOvers, String stuckProblem) {
        this.context = context;
        this.health = health;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.starter = starter;
        this.takeOvers = takeOvers;
        this.stuckProblem = stuckProblem;
        this.bundleStarter = null;
        this.ticker = null;
        this.takeOverThread = null;
        this.checkLater = () -> { };
        context.addBundleListener(this);
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
        context.removeBundleListener(this);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (takeOverThread != null) {
            takeOverThread.shutdownNow();
        }
        if (bundleStarter != null) {
            bundleStarter.close();
        }
    }

    /** Run after each take-over (core starts the uploaded bundles it restored, which wait for the raise). */
    void afterTakeOver(Runnable action) {
        afterTakeOver.add(action);
    }

    void removeAfterTakeOver(Runnable action) {
        afterTakeOver.remove(action);
    }

    /** Whether the watchdog took over from a stuck start-level thread (while the platform started). */
    boolean tookOver() {
        return !isolated.isEmpty();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.STARTING -> {
                Thread current = Thread.currentThread();
                if (!raised && START_LEVEL_THREAD.equals(current.getName())) {
                    starting.put(b.getBundleId(), new Starting(b, nanoTime.getAsLong(), current));
                    checkLater.run();
                }
            }
            case BundleEvent.STARTED, BundleEvent.STOPPED, BundleEvent.STOPPING, BundleEvent.RESOLVED, BundleEvent.UNINSTALLED ->
                finished(b, event.getType());
            default -> {
                // nothing to note
            }
        }
    }

    private void finished(Bundle b, int type) {
        long id = b.getBundleId();
        if (starting.remove(id) != null && isolated.remove(id)) {
            health.unstuck(id);
            LOG.warn("Bundle {} {} finished starting after all ({}), long after the time-out; the framework's start-level "
                    + "thread goes on with the bundles after it, and finds the ones started meanwhile active",
                    b.getSymbolicName(), b.getVersion(), type == BundleEvent.STARTED ? "started" : "failed or stopped");
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            raised = true; // the start-level thread finished its raise: nothing left to watch
            starting.clear();
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
    }

    /**
     * Looks for a bundle that has been starting on the start-level thread for longer than the time-out;
     * takes over from it when there is one. Called periodically while the platform starts.
     */
    void check() {
        if (raised) {
            return;
        }
        long now = nanoTime.getAsLong();
        for (Starting s : starting.values()) {
            long id = s.bundle().getBundleId();
            if (now - s.since() >= timeout.toNanos() && s.bundle().getState() == Bundle.STARTING && isolated.add(id)) {
                isolate(s);
                takeOvers.execute(() -> takeOver(s.bundle()));
            }
        }
    }

    private void isolate(Starting s) {
        Bundle b = s.bundle();
        health.stuck(b.getBundleId(), stuckProblem);
        String where = Arrays.stream(s.thread().getStackTrace()).limit(12).map(f -> "\tat " + f).collect(Collectors.joining("\n"));
        LOG.error("Bundle {} {} (shipped in the platform jar, location {}) did not finish starting within {} s on the framework's "
                + "start-level thread, which starts the bundles one after the other. The bundle is isolated and shown as failed; "
                + "the bundles after it are started on threads of their own. Its thread (which cannot be stopped) is stuck here:\n{}",
                b.getSymbolicName(), b.getVersion(), b.getLocation(), timeout.toSeconds(), where);
    }

    /** Starts, one after the other, the bundles the stuck start-level thread would have started after {@code stuck}. */
    private void takeOver(Bundle stuck) {
        List<Bundle> todo = waitingAfter(stuck);
        LOG.info("Starting {} bundles the start-level thread has not reached: {}", todo.size(),
                todo.stream().map(Bundle::getSymbolicName).collect(Collectors.joining(", ")));
        for (Bundle b : todo) {
            if (b.getState() != Bundle.INSTALLED && b.getState() != Bundle.RESOLVED) {
                continue; // started meanwhile (the stuck thread came back), or uninstalled
            }
            BundleStarter.Outcome outcome = starter.start(b);
            if (outcome.timedOut()) {
                LOG.error("Bundle {} {}, started instead of the stuck start-level thread, did not finish starting within {} s either; "
                        + "it is isolated too, the next one is started", b.getSymbolicName(), b.getVersion(), timeout.toSeconds());
            } else if (!outcome.ok()) {
                LOG.error("Bundle {} {} could not be started: {}", b.getSymbolicName(), b.getVersion(), outcome.problem());
            }
        }
        for (Runnable action : afterTakeOver) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("After the take-over of the start-level thread: {}", e.toString(), e);
            }
        }
    }

    /**
     * The bundles Felix's start-level thread would still start after {@code stuck}: marked to start
     * (persistently started), not a fragment, not started yet, and after it in Felix's order (start level,
     * then bundle id), at a level the framework has reached (a transient start above it is refused).
     */
    List<Bundle> waitingAfter(Bundle stuck) {
        int stuckLevel = level(stuck);
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class);
        int reached = framework == null ? stuckLevel : framework.getStartLevel();
        List<Bundle> todo = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleStartLevel own = b.adapt(BundleStartLevel.class);
            if (b.getBundleId() == 0 || own == null || !own.isPersistentlyStarted() || isFragment(b)) {
                continue;
            }
            int level = own.getStartLevel();
            boolean after = level > stuckLevel || (level == stuckLevel && b.getBundleId() > stuck.getBundleId());
            boolean waiting = b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED;
            if (after && waiting && level <= reached) {
                todo.add(b);
            }
        }
        todo.sort(Comparator.comparingInt(StartLevelWatchdog::level).thenComparingLong(Bundle::getBundleId));
        return todo;
    }

    private static int level(Bundle b) {
        BundleStartLevel own = b.adapt(BundleStartLevel.class);
        return own == null ? 0 : own.getStartLevel();
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
