package nl.samenredzaam.core.internal.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevisions;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.internal.module.ModuleRegistryImpl;
import nl.samenredzaam.core.platform.BundleInfo;
import nl.samenredzaam.core.platform.ClusterEvents;
import nl.samenredzaam.core.platform.BundleManager;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.core.platform.RuntimeStats;

/**
 * Installs, updates and uninstalls bundles at run time. Each change resolves first and touches
 * only the bundle concerned (a refresh of that bundle alone), so unrelated bundles keep running.
 * Uploaded bundles are stored in {@code platform_bundle} and installed again at every start.
 */
@Component(service = BundleManager.class, immediate = true)
public final class BundleManagerImpl implements BundleManager {

    /** Location prefix of bundles installed through this manager; only those may be changed. */
    static final String LOCATION = "samenredzaam:upload:";
    private static final Logger LOG = LoggerFactory.getLogger(BundleManagerImpl.class);

    private final BundleContext context;
    private final PlatformDatabase db;
    private final ModuleRegistry modules;
    private final Clock clock = Clock.systemUTC();
    private final Object lock = new Object();
    private final Map<Long, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final SynchronousBundleListener startCounter = event -> {
        if (event.getType() == BundleEvent.STARTED) {
            starts.computeIfAbsent(event.getBundle().getBundleId(), id -> new AtomicInteger()).incrementAndGet();
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            starts.remove(event.getBundle().getBundleId());
        }
    };

    private final ClusterEvents cluster;
    private final List<AutoCloseable> subscriptions = new java.util.ArrayList<>();
    private final BundleHealth health;
    private final BundleStarter starter;
    private final BundleTrust trust;
    /** Restored bundles waiting for the framework to finish starting. */
    private final List<Bundle> startWhenUp = new ArrayList<>();
    private final FrameworkListener startedListener = event -> {
        if (event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            startRestored();
        }
    };
    /** A shipped bundle hangs on the start-level thread, so STARTLEVEL_CHANGED will not come. */
    private final Runnable afterTakeOver = this::startRestored;
    private final StartLevelWatchdog watchdog;

    @Activate
    public BundleManagerImpl(BundleContext context, @Reference PlatformDatabase db, @Reference ModuleRegistry modules,
            @Reference ClusterEvents cluster, @Reference BundleHealth health, @Reference StartLevelWatchdog watchdog) {
        this.context = context;
        this.watchdog = watchdog;
        this.db = db;
        this.modules = modules;
        this.cluster = cluster;
        this.health = health;
        this.starter = new BundleStarter(health, BundleStarter.configuredTimeout());
        try {
            this.trust = BundleTrust.configured(System::getenv);
        } catch (IOException | java.security.GeneralSecurityException e) {
            // refuse to run with a trust store that cannot be read rather than accept every bundle
            throw new IllegalStateException("Cannot read the bundle trust store (" + BundleTrust.ENV_STORE + "): " + e.getMessage(), e);
        }
        if (trust.required()) {
            LOG.info("Uploaded bundles must be signed by one of {} trusted certificates", trust.trustedCertificates());
        }
        context.addFrameworkListener(startedListener);
        watchdog.afterTakeOver(afterTakeOver);
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE) {
                starts.put(b.getBundleId(), new AtomicInteger(1));
            }
        }
        context.addBundleListener(startCounter);
        restoreStored(); // starts them at once when the framework has started already (core restarted)
        subscriptions.add(cluster.subscribe(ClusterEvents.BUNDLES, x -> syncFromOtherNode()));
        subscriptions.add(cluster.subscribe(ClusterEvents.RESYNC, x -> syncFromOtherNode()));
    }

    @Deactivate
    void deactivate() throws Exception {
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
        context.removeBundleListener(startCounter);
        context.removeFrameworkListener(startedListener);
        watchdog.removeAfterTakeOver(afterTakeOver);
        starter.close();
    }

    /** Another node installed, updated or removed a bundle: make this node match the database. */
    private void syncFromOtherNode() {
        synchronized (lock) {
            restoreStored();
            List<String> stored = db.global(sql -> sql.list("select symbolic_name from platform_bundle", r -> r.getString(1)));
            for (Bundle b : context.getBundles()) {
                if (removable(b) && !stored.contains(b.getSymbolicName()) && !health.isStuck(b.getBundleId())) {
                    try {
                        if (starter.run(b, "stop", b::stop).timedOut()) {
                            LOG.error("Bundle {} does not stop; it is gone after the next restart", b.getSymbolicName());
                            continue;
                        }
                        b.uninstall();
                        refresh(b);
                        LOG.info("Uninstalled bundle {} (removed on another node)", b.getSymbolicName());
                    } catch (BundleException | IllegalStateException e) {
                        LOG.error("Could not uninstall {}: {}", b.getSymbolicName(), e.getMessage());
                    }
                }
            }
        }
    }

    @Override
    public RuntimeStats stats() {
        Bundle[] all = context.getBundles();
        int revisions = 0;
        for (Bundle b : all) {
            BundleRevisions r = b.adapt(BundleRevisions.class);
            revisions += r == null ? 0 : r.getRevisions().size();
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return new RuntimeStats(ManagementFactory.getThreadMXBean().getThreadCount(), all.length, revisions,
                wiring.getRemovalPendingBundles().size(), ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                memory.getHeapMemoryUsage().getUsed(), ManagementFactory.getRuntimeMXBean().getUptime(), health.leaks());
    }

    /**
     * Installs the bundles uploaded earlier (kept in the database), so that a restart changes nothing.
     * They are installed here but started by {@link #startRestored}, each on a thread of its own with
     * a time-out, once the framework has finished starting: started the usual way, the framework's
     * single start-level thread would start them one after the other, and one module whose activation
     * never returns would keep every later bundle, and so the platform, from starting.
     */
    private void restoreStored() {
        List<Stored> stored = db.global(sql -> sql.list("select symbolic_name, version, jar from platform_bundle order by installed_at",
                r -> new Stored(r.getString(1), r.getString(2), r.getBytes(3))));
        for (Stored s : stored) {
            Optional<Bundle> existing = find(s.symbolicName());
            if (existing.isPresent() && existing.get().getVersion().toString().equals(s.version())) {
                continue;
            }
            if (existing.isPresent()) {
                Bundle b = existing.get();
                if (health.isStuck(b.getBundleId())) {
                    LOG.error("Bundle {} is stuck starting; version {} is installed at the next restart", s.symbolicName(), s.version());
                    continue;
                }
                // an update restarts the bundle, so it runs its code: on its own thread, like a start
                starter.submit(b, "update", () -> {
                    b.update(new ByteArrayInputStream(s.jar()));
                    refresh(b);
                    startNow(b);
                }).whenComplete((x, e) -> log("Updated", s, e));
                continue;
            }
            try {
                Bundle b = context.installBundle(LOCATION + s.symbolicName(), new ByteArrayInputStream(s.jar()));
                synchronized (startWhenUp) {
                    startWhenUp.add(b);
                }
            } catch (BundleException | RuntimeException e) {
                LOG.error("Could not restore bundle {} {}: {}", s.symbolicName(), s.version(), e.getMessage());
            }
        }
        startRestored();
    }

    /**
     * Whether the framework has finished rising to the start level of this bundle. (The framework is
     * ACTIVE and sends STARTED long before: bnd's launcher raises the start level afterwards, and the
     * framework's start-level thread then starts the bundles of each level one after the other; it
     * sends STARTLEVEL_CHANGED when done.)
     */
    private boolean levelReached(Bundle b) {
        Bundle system = context.getBundle(0);
        FrameworkStartLevel framework = system.adapt(FrameworkStartLevel.class);
        BundleStartLevel own = b.adapt(BundleStartLevel.class);
        return system.getState() == Bundle.ACTIVE && (framework == null || own == null || framework.getStartLevel() >= own.getStartLevel());
    }

    /** Starts the restored bundles, each on its own thread: a bundle that never finishes starting blocks no other. */
    private void startRestored() {
        List<Bundle> todo = new ArrayList<>();
        synchronized (startWhenUp) {
            for (java.util.Iterator<Bundle> i = startWhenUp.iterator(); i.hasNext();) {
                Bundle b = i.next();
                if (b.getState() == Bundle.UNINSTALLED || levelReached(b)) {
                    todo.add(b);
                    i.remove();
                }
            }
        }
        for (Bundle b : todo) {
            if (b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            Stored s = new Stored(b.getSymbolicName(), b.getVersion().toString(), null);
            starter.submit(b, "start", () -> startNow(b)).whenComplete((x, e) -> log("Restored", s, e));
        }
    }

    /**
     * Starts a restored bundle in this thread. While the framework's start-level thread is still raising
     * the level (it hangs in a shipped bundle, see {@link StartLevelWatchdog}), Felix only queues a
     * persistent start for that thread and returns; a transient start then starts it here (the bundle
     * is marked to start by the first call, for the next platform start).
     */
    private static void startNow(Bundle b) throws BundleException {
        b.start();
        if (b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED) {
            b.start(Bundle.START_TRANSIENT);
        }
    }

    private static void log(String what, Stored s, Throwable failure) {
        if (failure == null) {
            LOG.info("{} bundle {} {}", what, s.symbolicName(), s.version());
        } else {
            LOG.error("Could not start restored bundle {} {}: {}", s.symbolicName(), s.version(), failure.getMessage());
        }
    }

    private record Stored(String symbolicName, String version, byte[] jar) {
    }

    @Override
    public List<BundleInfo> bundles() {
        List<BundleInfo> list = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() != 0) {
                list.add(info(b));
            }
        }
        list.sort(Comparator.comparing(BundleInfo::symbolicName));
        return list;
    }

    @Override
    public Optional<BundleInfo> bundle(String symbolicName) {
        return find(symbolicName).map(this::info);
    }

    private Optional<Bundle> find(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private BundleInfo info(Bundle b) {
        String moduleId = moduleId(b);
        String problem = null;
        if (moduleId != null) {
            problem = modules.info(moduleId).filter(m -> m.state() != ModuleInfo.State.ACTIVE).map(ModuleInfo::problem).orElse(null);
        }
        if (health.isStuck(b.getBundleId()) && (problem == null || !problem.contains(starter.stuckProblem()))) {
            problem = join(problem, starter.stuckProblem());
        }
        Optional<String> leak = health.leakProblem(b.getSymbolicName());
        if (leak.isPresent()) {
            problem = join(problem, leak.get());
        }
        AtomicInteger started = starts.get(b.getBundleId());
        return new BundleInfo(b.getSymbolicName(), b.getVersion().toString(), state(b.getState()), moduleId, removable(b), problem,
                started == null ? 0 : started.get());
    }

    private static String join(String a, String b) {
        return Bilingual.join(a, b);
    }

    private static String moduleId(Bundle b) {
        String header = b.getHeaders("").get(ModuleRegistryImpl.HEADER);
        return header == null ? null : header.split(";")[0].trim();
    }

    private static boolean removable(Bundle b) {
        return b.getLocation().startsWith(LOCATION);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    @Override
    public Installed install(byte[] jar) {
        Manifest manifest = manifest(jar);
        String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw ProblemException.badRequest("Dit bestand is geen OSGi-bundel (Bundle-SymbolicName ontbreekt) / this file is not an OSGi bundle");
        }
        bsn = bsn.split(";")[0].trim();
        String version = Optional.ofNullable(manifest.getMainAttributes().getValue("Bundle-Version")).orElse("0.0.0");
        checkModuleId(bsn, manifest.getMainAttributes().getValue(ModuleRegistryImpl.HEADER));
        try {
            trust.check(jar);
        } catch (BundleTrust.Refused refused) {
            LOG.warn("Refused bundle {} {}: {}", bsn, version, refused.getMessage());
            throw new ProblemException(422, Bilingual.wrap("De bundel " + bsn + " wordt geweigerd: ", refused.getMessage(), "",
                    "the bundle " + bsn + " is refused: ", ""));
        }
        synchronized (lock) {
            Optional<Bundle> existing = find(bsn);
            if (existing.isPresent() && !removable(existing.get())) {
                throw ProblemException.conflict("Deze bundel hoort bij het platform zelf en kan niet zo worden vervangen / "
                        + "this is a platform bundle and cannot be replaced this way");
            }
            checkResolvable(bsn, version, jar);
            Bundle bundle;
            if (existing.isEmpty()) {
                bundle = installNew(bsn, jar);
            } else {
                bundle = update(existing.get(), jar);
            }
            store(bsn, bundle.getVersion().toString(), jar);
            cluster.publish(ClusterEvents.BUNDLES, bsn);
            LOG.info("{} bundle {} {}", existing.isEmpty() ? "Installed" : "Updated", bsn, bundle.getVersion());
            return new Installed(info(bundle), existing.isEmpty());
        }
    }

    /**
     * Path segments the platform itself answers inside an initiative ({@code /{slug}/beheer},
     * {@code /api/v1/{slug}/audit}, ...). A module with such an id would never get its requests, so it is
     * refused at upload, before anything changes.
     */
    static final Set<String> RESERVED_MODULE_IDS = Set.of("beheer", "privacy", "uitnodiging", "account", "login", "logout",
            "wachtwoord-vergeten", "wachtwoord-herstellen", "assets", "api", "platform", "health", "theme", "audit",
            "modules", "settings", "consents");

    /** A module's id must be a safe path segment, not one of the platform's, and not taken by another bundle. */
    private void checkModuleId(String bsn, String header) {
        if (header == null) {
            return;
        }
        String id = header.split(";")[0].trim();
        if (!id.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new ProblemException(422, "De module-id '" + id + "' mag alleen kleine letters, cijfers en streepjes hebben / "
                    + "the module id '" + id + "' may only have lower-case letters, digits and hyphens");
        }
        if (RESERVED_MODULE_IDS.contains(id)) {
            throw new ProblemException(422, "De module-id '" + id + "' is van het platform zelf; kies een andere / "
                    + "the module id '" + id + "' is the platform's own; choose another");
        }
        for (Bundle other : context.getBundles()) {
            if (id.equals(moduleId(other)) && !bsn.equals(other.getSymbolicName())) {
                throw ProblemException.conflict("De module-id '" + id + "' hoort al bij bundel " + other.getSymbolicName()
                        + " / the module id '" + id + "' already belongs to bundle " + other.getSymbolicName());
            }
        }
    }

    /** Resolves the jar in a throw-away install, so an unresolvable bundle changes nothing. */
    private void checkResolvable(String bsn, String version, byte[] jar) {
        Bundle probe;
        try {
            probe = context.installBundle("samenredzaam:probe:" + bsn + ":" + System.nanoTime(), new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw new ProblemException(422, Bilingual.wrap("De bundel kan niet worden geïnstalleerd: ", ResolverMessages.explain(e.getMessage()),
                    "", "the bundle cannot be installed: ", ""));
        }
        try {
            FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
            if (!wiring.resolveBundles(List.of(probe))) {
                String reason = resolveFailure(probe);
                throw new ProblemException(422, Bilingual.wrap("De bundel " + bsn + " " + version + " kan niet starten. ", reason, "",
                        "the bundle " + bsn + " " + version + " cannot start. ", ""));
            }
        } finally {
            try {
                probe.uninstall();
                refresh(probe);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Could not remove probe of {}: {}", bsn, e.getMessage());
            }
        }
    }

    private static String resolveFailure(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "";
        } catch (BundleException e) {
            return ResolverMessages.explain(e.getMessage());
        }
    }

    private Bundle installNew(String bsn, byte[] jar) {
        Bundle bundle;
        try {
            bundle = context.installBundle(LOCATION + bsn, new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw new ProblemException(422, ResolverMessages.explain(e.getMessage()));
        }
        Start started = startAndCheck(bundle);
        if (started.timedOut()) {
            // Its thread holds the bundle: it cannot be removed before a restart. Keep it (and its jar),
            // shown as failed, so the operator sees it and can remove it.
            store(bsn, bundle.getVersion().toString(), jar);
            throw new ProblemException(422, Bilingual.wrap("De bundel " + bsn + " is geïnstalleerd, maar start niet: ", started.problem(),
                    ". Hij staat als mislukt in de lijst.", "the bundle " + bsn + " is installed but does not start: ",
                    ". It is listed as failed."));
        }
        if (started.problem() != null) {
            try {
                bundle.uninstall();
                refresh(bundle);
            } catch (BundleException | IllegalStateException e) {
                LOG.warn("Could not remove failed bundle {}", bsn);
            }
            throw new ProblemException(422, Bilingual.wrap("De bundel " + bsn + " start niet: ", started.problem(), "",
                    "the bundle " + bsn + " does not start: ", ""));
        }
        return bundle;
    }

    private Bundle update(Bundle bundle, byte[] jar) {
        requireNotStuck(bundle);
        byte[] previous = db.global(sql -> sql.first("select jar from platform_bundle where symbolic_name = :bsn",
                r -> r.getBytes(1), "bsn", bundle.getSymbolicName())).orElse(null);
        // Stopped first, on a thread of its own: the framework would otherwise stop and restart it
        // inside update() and the refresh, running the module's code on its own threads.
        BundleStarter.Outcome stopped = starter.run(bundle, "stop", bundle::stop);
        if (!stopped.ok()) {
            throw new ProblemException(stopped.timedOut() ? 503 : 422, Bilingual.wrap("De oude versie stopt niet: ", stopped.problem(), "",
                    "the old version does not stop: ", ""));
        }
        try {
            bundle.update(new ByteArrayInputStream(jar));
            refresh(bundle);
        } catch (BundleException | IllegalStateException e) {
            throw new ProblemException(422, ResolverMessages.explain(e.getMessage()));
        }
        Start started = startAndCheck(bundle);
        if (started.problem() == null) {
            return bundle;
        }
        if (started.timedOut()) {
            LOG.error("Update of {} did not finish starting; the previous version is kept in the database", bundle.getSymbolicName());
            throw new ProblemException(422, Bilingual.wrap("De nieuwe versie start niet: ", started.problem(),
                    ". Bij de volgende herstart draait de vorige versie weer.", "the new version does not start: ",
                    ". The previous version runs again after the next restart."));
        }
        LOG.warn("Update of {} failed to start; rolling back", bundle.getSymbolicName());
        if (previous != null) {
            BundleStarter.Outcome back = starter.run(bundle, "rollback", () -> {
                bundle.stop();
                bundle.update(new ByteArrayInputStream(previous));
                refresh(bundle);
                bundle.start();
            });
            if (!back.ok()) {
                LOG.error("Rollback of {} failed: {}", bundle.getSymbolicName(), back.problem());
            }
        }
        throw new ProblemException(422, Bilingual.wrap("De nieuwe versie start niet; de vorige versie draait weer: ", started.problem(), "",
                "the new version does not start; the previous version was restored: ", ""));
    }

    private void requireNotStuck(Bundle bundle) {
        if (health.isStuck(bundle.getBundleId())) {
            throw ProblemException.conflict(Bilingual.wrap("De bundel " + bundle.getSymbolicName() + " hangt: ", starter.stuckProblem(),
                    ". Herstart het platform eerst.", "the bundle " + bundle.getSymbolicName() + " is stuck: ", ". Restart the platform first."));
        }
    }

    /** The result of starting a bundle: {@code problem} is {@code null} when it and its module run. */
    private record Start(String problem, boolean timedOut) {
    }

    /**
     * Starts the bundle on a thread of its own (at most the start time-out) and waits until its module
     * is active or has failed for a known reason.
     */
    private Start startAndCheck(Bundle bundle) {
        long deadline = System.nanoTime() + starter.timeout().toNanos();
        BundleStarter.Outcome outcome = starter.run(bundle, "start", () -> startNow(bundle));
        if (!outcome.ok()) {
            return new Start(outcome.problem(), outcome.timedOut());
        }
        String moduleId = moduleId(bundle);
        if (moduleId == null) {
            return new Start(null, false);
        }
        // Declarative Services may activate the module after start() returned (a reference that
        // arrives later): wait for a change of the module registry or of the bundle, not by polling.
        BlockingQueue<Object> changes = new LinkedBlockingQueue<>();
        SynchronousBundleListener bundleChanged = e -> {
            if (e.getBundle().equals(bundle)) {
                changes.offer(e);
            }
        };
        context.addBundleListener(bundleChanged);
        try (AutoCloseable registryChanged = modules.onChange(() -> changes.offer(Boolean.TRUE))) {
            deadline = Math.max(deadline, System.nanoTime() + MODULE_START_WAIT.toNanos());
            while (true) {
                Optional<ModuleInfo> info = modules.info(moduleId);
                if (info.isPresent() && info.get().state() == ModuleInfo.State.ACTIVE) {
                    return new Start(null, false);
                }
                String problem = info.map(ModuleInfo::problem).orElse(null);
                boolean known = problem != null && !problem.equals(ModuleRegistryImpl.NOT_REGISTERED);
                long left = deadline - System.nanoTime();
                if (known || left <= 0) {
                    return new Start(problem == null ? "De module start niet / the module does not start" : problem, false);
                }
                changes.poll(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Start("Onderbroken / interrupted", false);
        } catch (Exception e) {
            return new Start(e.toString(), false);
        } finally {
            context.removeBundleListener(bundleChanged);
        }
    }

    /** How long an installed module may take to become active after its bundle started. */
    static final java.time.Duration MODULE_START_WAIT = java.time.Duration.ofSeconds(15);

    private void store(String bsn, String version, byte[] jar) {
        db.global(sql -> {
            int changed = sql.update("update platform_bundle set previous_jar = jar, jar = :jar, version = :version, installed_at = :now "
                    + "where symbolic_name = :bsn", "jar", jar, "version", version, "now", clock.instant(), "bsn", bsn);
            if (changed == 0) {
                sql.update("insert into platform_bundle (symbolic_name, version, jar, installed_at) values (:bsn, :version, :jar, :now)",
                        "jar", jar, "version", version, "now", clock.instant(), "bsn", bsn);
            }
            return null;
        });
    }

    @Override
    public void uninstall(String symbolicName) {
        synchronized (lock) {
            Bundle bundle = find(symbolicName).orElseThrow(ProblemException::notFound);
            if (!removable(bundle)) {
                throw ProblemException.conflict("Deze bundel hoort bij het platform zelf / this is a platform bundle");
            }
            if (health.isStuck(bundle.getBundleId())) {
                // Its starting thread holds the bundle: the framework cannot remove it now. Forget its
                // jar, so it is gone after the next restart.
                forget(symbolicName);
                throw ProblemException.conflict("De bundel " + symbolicName + " hangt en kan pas worden verwijderd bij een herstart "
                        + "van het platform; na de herstart is hij weg. / The bundle is stuck and can only be removed by restarting "
                        + "the platform; after the restart it is gone.");
            }
            // Stopped on a thread of its own first: stopping runs the module's code, which may hang.
            BundleStarter.Outcome stopped = starter.run(bundle, "stop", bundle::stop);
            if (stopped.timedOut()) {
                forget(symbolicName);
                throw ProblemException.conflict("De bundel " + symbolicName + " stopt niet; na de volgende herstart is hij weg. / "
                        + "The bundle does not stop; after the next restart it is gone.");
            }
            try {
                bundle.uninstall();
                refresh(bundle);
            } catch (BundleException | IllegalStateException e) {
                throw new ProblemException(500, "Verwijderen mislukt / uninstall failed");
            }
            forget(symbolicName);
            LOG.info("Uninstalled bundle {} (its data is kept)", symbolicName);
        }
    }

    private void forget(String symbolicName) {
        int rows = db.global(sql -> sql.update("delete from platform_bundle where symbolic_name = :bsn", "bsn", symbolicName));
        LOG.info("Bundle {} removed from the stored bundles ({} row)", symbolicName, rows);
        cluster.publish(ClusterEvents.BUNDLES, symbolicName);
    }

    @Override
    public List<String> purge(String moduleId, String confirmation) {
        if (!moduleId.equals(confirmation)) {
            throw ProblemException.invalidField("confirm", "Typ de naam van de module om te bevestigen / type the module id to confirm");
        }
        synchronized (lock) {
            for (Bundle b : context.getBundles()) {
                if (moduleId.equals(moduleId(b))) {
                    throw ProblemException.conflict("De module is nog geïnstalleerd; verwijder eerst de bundel / "
                            + "the module is still installed; uninstall its bundle first");
                }
            }
            if (modules.active(moduleId).isPresent()) {
                throw ProblemException.conflict("De module draait nog / the module is still running");
            }
            List<String> dropped = ModuleDataPurge.purge(db, moduleId);
            modules.invalidateAll();
            cluster.publish(ClusterEvents.MODULE_SWITCH, "*");
            LOG.info("Purged the data of module '{}': {} tables", moduleId, dropped.size());
            return dropped;
        }
    }

    /** Refreshes just this bundle (and what is wired to it) and waits until the framework is done. */
    private void refresh(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                LOG.warn("Refresh of {} did not finish in 30 s", bundle.getSymbolicName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Manifest manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest m = in.getManifest();
            if (m == null) {
                throw ProblemException.badRequest("Dit bestand is geen OSGi-bundel (geen manifest) / this file is not an OSGi bundle (no manifest)");
            }
            return m;
        } catch (IOException e) {
            throw ProblemException.badRequest("Dit bestand is geen jar / this file is not a jar");
        }
    }

    static Version version(String v) {
        return Version.parseVersion(v);
    }
}
