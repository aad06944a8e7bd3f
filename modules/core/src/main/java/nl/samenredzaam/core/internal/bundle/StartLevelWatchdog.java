package nl.samenredzaam.core.internal.bundle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
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
 * sees its STARTING event on that thread). When the thread is still inside the start of the bundle it
 * began last (its stack is in {@code Felix.startBundle}: the activator or the Declarative Services
 * components of that bundle) after the bundle start time-out
 * ({@link BundleStarter#configuredTimeout()}), it
 * <ol>
 * <li>logs an error naming the bundle and where its thread hangs,</li>
 * <li>marks it stuck in {@link BundleHealth} (the bundle API, the module list, the operator page and
 * {@link StartLevelReadiness} then count it as failed), and</li>
 * <li>starts the bundles the start-level thread has not reached yet, in the order Felix would have
 * (start level, then bundle id), each with {@code start(START_TRANSIENT)} through a
 * {@link BundleStarter} (a thread of its own and the same time-out), one after the other.</li>
 * </ol>
 * Each STARTING event on that thread schedules one check a time-out later; in a normal start the thread
 * has moved on by then (a later STARTING, or out of {@code startBundle} after the raise) and the watchdog
 * does nothing. Once the platform has started no bundle starts on that thread (it only works when the
 * framework's start level changes), so the watchdog has nothing to do and keeps no thread.
 *
 * <p>It does not take a STARTED event (nor STARTLEVEL_CHANGED) as the end of a start. A first version
 * did, and missed the hanging bundle in some runs (BuiltInBlockingModuleIT three times, by hand once in
 * two runs of the same jar): Felix sends STARTED before Declarative Services activates the bundle's
 * components in its own STARTED listener, and it calls the synchronous listeners of different bundles
 * in the order of a {@code HashMap} keyed by bundle context ({@code EventDispatcher}), so in some runs
 * core's listener heard STARTED before Declarative Services' listener hung in the module's component.
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
 * <li>{@code startBundle} releases the bundle's lock before it sends STARTED, so a module whose
 * immediate component hangs (in Declarative Services' STARTED listener) holds no lock at all; one whose
 * activator hangs holds only its own.</li>
 * <li>A transient start leaves the bundle's persistent state as it was (the launcher marked it to
 * start already), so nothing changes for the next start of the platform.</li>
 * </ul>
 *
 * <p>What it cannot do: the stuck thread itself cannot be stopped (Java has no safe way, and the
 * fixture in the tests even ignores interrupts); it stays until the platform stops. For as long as it
 * hangs the framework's raise is not finished (no STARTLEVEL_CHANGED), and Felix cannot stop the
 * bundles: it lowers the level on that same start-level thread
 * ({@code FrameworkStartLevelImpl.setStartLevelAndWait(0)} queues a request the stuck thread never
 * takes). So when the framework stops (the system bundle's STOPPING event) while the thread still hangs,
 * this watchdog stops the bundles itself in Felix's order ({@link #stopInOrder()}), core and its database
 * included; the launcher still waits its full stop time-out (20 s) for the framework, then exits the JVM.
 * A framework operation that takes the global lock and then
 * needs the stuck bundle's lock (a refresh that includes that bundle) would wait for ever and block every
 * bundle operation after it; nothing in the platform refreshes a shipped bundle, and core refreshes only
 * the uploaded bundle concerned. Bundles of a level above the stuck bundle's level cannot be started.
 * A bundle that hangs in core itself or below (level 10 and lower) is not covered: the watchdog is part
 * of core.
 */
@Component(service = StartLevelWatchdog.class, immediate = true)
public final class StartLevelWatchdog implements SynchronousBundleListener {

    /** Felix's start-level thread ({@code FrameworkStartLevelImpl.THREAD_NAME}). */
    static final String START_LEVEL_THREAD = "FelixStartLevel";

    /** How long the orderly stop waits for one bundle (Felix SCR waits at most 5 s for a component, cnf/runtime.bnd). */
    static final Duration STOP_WAIT = Duration.ofSeconds(6);

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
    /** Whether the start-level thread is still inside a bundle start (production: its stack). */
    private final Predicate<Thread> insideStart;
    /** The bundle the start-level thread began starting last (it starts one at a time). */
    private volatile Starting current;
    /** Bundles this watchdog marked stuck (and took over after). */
    private final Set<Long> isolated = ConcurrentHashMap.newKeySet();
    private final List<Runnable> afterTakeOver = new CopyOnWriteArrayList<>();
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
        this.insideStart = StartLevelWatchdog::insideBundleStart;
        this.bundleStarter = new BundleStarter(health, timeout);
        this.starter = b -> bundleStarter.run(b, "start", () -> b.start(Bundle.START_TRANSIENT));
        this.takeOverThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "samenredzaam-startlevel-takeover");
            t.setDaemon(true);
            return t;
        });
        this.takeOvers = takeOverThread;
        this.stuckProblem = bundleStarter.stuckProblem();
        ScheduledThreadPoolExecutor checks = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "samenredzaam-startlevel-watchdog");
            t.setDaemon(true);
            return t;
        });
        checks.setKeepAliveTime(5, TimeUnit.SECONDS);
        checks.allowCoreThreadTimeOut(true); // no thread once the platform has started
        this.ticker = checks;
        this.checkLater = () -> {
            try {
                ticker.schedule(this::check, timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the raise just finished, or core is stopping: nothing to check
            }
        };
        context.addBundleListener(this);
    }

    /** For tests: no threads; the test calls {@link #check()}, take-overs run on {@code takeOvers}. */
    StartLevelWatchdog(BundleContext context, BundleHealth health, Duration timeout, LongSupplier nanoTime,
            Predicate<Thread> insideStart, Starter starter, Executor takeOvers, String stuckProblem) {
        this.context = context;
        this.insideStart = insideStart;
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
    }

    @Deactivate
    void deactivate() {
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
        Thread thread = Thread.currentThread();
        if (event.getType() == BundleEvent.STARTING && START_LEVEL_THREAD.equals(thread.getName())) {
            Starting previous = current;
            current = new Starting(event.getBundle(), nanoTime.getAsLong(), thread);
            if (previous != null) {
                finishedLate(previous.bundle()); // the thread moved on
            }
            checkLater.run();
        } else if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0 && startLevelThreadStuck()) {
            // the framework is stopping, on Felix's shutdown thread: do not hold it up
            Thread stopper = new Thread(this::stopInOrder, "samenredzaam-orderly-stop");
            stopper.setDaemon(true);
            stopper.start();
        }
        // STARTED is no sign that the thread is done with the bundle: Felix sends it before Declarative
        // Services activates the bundle's components (in its own STARTED listener, where an immediate
        // component that hangs holds the thread), and it calls the listeners of different bundles in no
        // fixed order (a HashMap by bundle context), so this listener may hear STARTED first.
    }

    private void finishedLate(Bundle b) {
        long id = b.getBundleId();
        if (isolated.remove(id)) {
            health.unstuck(id);
            LOG.warn("Bundle {} {} finished starting after all, long after the time-out; the framework's start-level thread "
                    + "goes on with the bundles after it, and finds the ones started meanwhile active", b.getSymbolicName(), b.getVersion());
        }
    }

    /**
     * Whether the start-level thread is still starting the bundle it began last, longer than the time-out;
     * if so, isolates that bundle and takes over. Called one time-out after each bundle began starting
     * on that thread, and again every time-out while a bundle stays isolated (to notice a late finish).
     */
    void check() {
        Starting s = current;
        if (s == null) {
            return;
        }
        long id = s.bundle().getBundleId();
        if (!insideStart.test(s.thread())) {
            finishedLate(s.bundle()); // the raise is over: nothing is stuck
            return;
        }
        if (nanoTime.getAsLong() - s.since() < timeout.toNanos() || s.bundle().getState() == Bundle.UNINSTALLED) {
            return;
        }
        if (isolated.add(id)) {
            isolate(s);
            takeOvers.execute(() -> takeOver(s.bundle()));
        }
        checkLater.run();
    }

    /** Whether a bundle this watchdog isolated still holds the start-level thread. */
    boolean startLevelThreadStuck() {
        Starting s = current;
        return s != null && isolated.contains(s.bundle().getBundleId()) && insideStart.test(s.thread());
    }

    /**
     * The framework is stopping while its start-level thread hangs. Felix stops the bundles by lowering the
     * start level on that same thread, which never takes the request, so nothing would be stopped: Jetty
     * keeps its port, and core's database pool is not closed (on H2 an unclean stop; two in a row can lose a
     * write, see docs/reliability.md). This stops the bundles instead, in the order Felix would (start level,
     * then bundle id, from the last), each on a thread of its own for at most {@link #STOP_WAIT} (core as long
     * as it takes), leaving out the stuck ones and the logging bundles (level 1, so that this is logged).
     * Core itself is stopped too, which closes the database; this thread is not one of core's and goes on.
     * It all has to fit in the launcher's stop time-out (20 s), after which the JVM exits anyway.
     */
    private void stopInOrder() {
        List<Bundle> order = stopOrder();
        LOG.warn("The framework is stopping while its start-level thread still hangs in bundle {}; it cannot stop the bundles "
                + "itself, so they are stopped in its order: {}", current.bundle().getSymbolicName(),
                order.stream().map(Bundle::getSymbolicName).collect(Collectors.joining(", ")));
        List<String> notStopped = new ArrayList<>();
        long own = context.getBundle().getBundleId();
        for (Bundle b : order) {
            // core's own stop closes the database: wait for it as long as the launcher lets the JVM live
            // (with a module stuck in its component, Declarative Services' trackers in core wait ~5 s each)
            if (!stopWithin(b, b.getBundleId() == own ? Duration.ofMinutes(1) : STOP_WAIT)) {
                notStopped.add(b.getSymbolicName());
            }
        }
        LOG.warn("Stopped {} of {} bundles in order{}", order.size() - notStopped.size(), order.size(),
                notStopped.isEmpty() ? "" : "; not within " + STOP_WAIT.toSeconds() + " s: " + String.join(", ", notStopped));
    }

    private static boolean stopWithin(Bundle b, Duration wait) {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                b.stop(Bundle.STOP_TRANSIENT);
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "samenredzaam-orderly-stop-" + b.getSymbolicName());
        worker.setDaemon(true);
        worker.start();
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Stopping bundle {} failed: {}", b.getSymbolicName(), e.getCause().toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The bundles to stop when the framework stops while its start-level thread hangs: started ones (or
     * starting, but not stuck), above the logging level 1, from the highest start level and bundle id down.
     */
    List<Bundle> stopOrder() {
        List<Bundle> order = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            int state = b.getState();
            if (b.getBundleId() == 0 || level(b) <= 1 || isFragment(b) || health.isStuck(b.getBundleId())
                    || (state != Bundle.ACTIVE && state != Bundle.STARTING)) {
                continue;
            }
            order.add(b);
        }
        order.sort(Comparator.comparingInt(StartLevelWatchdog::level).thenComparingLong(Bundle::getBundleId).reversed());
        return order;
    }

    /**
     * Felix 7.0.5 runs each start of the raise in {@code Felix.startBundle}, the activator and the
     * STARTED listeners (Declarative Services) included; between bundles and after the raise the thread
     * is elsewhere. (Should a later Felix rename it, this answers false and the watchdog never acts.)
     */
    static boolean insideBundleStart(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if ("org.apache.felix.framework.Felix".equals(frame.getClassName()) && "startBundle".equals(frame.getMethodName())) {
                return true;
            }
        }
        return false;
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
