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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevisions;
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

    @Activate
    public BundleManagerImpl(BundleContext context, @Reference PlatformDatabase db, @Reference ModuleRegistry modules,
            @Reference ClusterEvents cluster) {
        this.context = context;
        this.db = db;
        this.modules = modules;
        this.cluster = cluster;
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE) {
                starts.put(b.getBundleId(), new AtomicInteger(1));
            }
        }
        context.addBundleListener(startCounter);
        restoreStored();
        subscriptions.add(cluster.subscribe(ClusterEvents.BUNDLES, x -> syncFromOtherNode()));
        subscriptions.add(cluster.subscribe(ClusterEvents.RESYNC, x -> syncFromOtherNode()));
    }

    @Deactivate
    void deactivate() throws Exception {
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
        context.removeBundleListener(startCounter);
    }

    /** Another node installed, updated or removed a bundle: make this node match the database. */
    private void syncFromOtherNode() {
        synchronized (lock) {
            restoreStored();
            List<String> stored = db.global(sql -> sql.list("select symbolic_name from platform_bundle", r -> r.getString(1)));
            for (Bundle b : context.getBundles()) {
                if (removable(b) && !stored.contains(b.getSymbolicName())) {
                    try {
                        b.uninstall();
                        refresh(b);
                        LOG.info("Uninstalled bundle {} (removed on another node)", b.getSymbolicName());
                    } catch (BundleException e) {
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
                memory.getHeapMemoryUsage().getUsed(), ManagementFactory.getRuntimeMXBean().getUptime());
    }

    /** Installs the bundles uploaded earlier (kept in the database), so that a restart changes nothing. */
    private void restoreStored() {
        List<Stored> stored = db.global(sql -> sql.list("select symbolic_name, version, jar from platform_bundle order by installed_at",
                r -> new Stored(r.getString(1), r.getString(2), r.getBytes(3))));
        for (Stored s : stored) {
            Optional<Bundle> existing = find(s.symbolicName());
            if (existing.isPresent() && existing.get().getVersion().toString().equals(s.version())) {
                continue;
            }
            try {
                Bundle b = existing.isPresent() ? existing.get() : context.installBundle(LOCATION + s.symbolicName(),
                        new ByteArrayInputStream(s.jar()));
                if (existing.isPresent()) {
                    b.update(new ByteArrayInputStream(s.jar()));
                    refresh(b);
                }
                b.start();
                LOG.info("Restored bundle {} {}", s.symbolicName(), s.version());
            } catch (BundleException | RuntimeException e) {
                LOG.error("Could not restore bundle {} {}: {}", s.symbolicName(), s.version(), e.getMessage());
            }
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
        AtomicInteger started = starts.get(b.getBundleId());
        return new BundleInfo(b.getSymbolicName(), b.getVersion().toString(), state(b.getState()), moduleId, removable(b), problem,
                started == null ? 0 : started.get());
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

    /** Resolves the jar in a throw-away install, so an unresolvable bundle changes nothing. */
    private void checkResolvable(String bsn, String version, byte[] jar) {
        Bundle probe;
        try {
            probe = context.installBundle("samenredzaam:probe:" + bsn + ":" + System.nanoTime(), new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw new ProblemException(422, "De bundel kan niet worden geïnstalleerd / the bundle cannot be installed: "
                    + ResolverMessages.explain(e.getMessage()));
        }
        try {
            FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
            if (!wiring.resolveBundles(List.of(probe))) {
                String reason = resolveFailure(probe);
                throw new ProblemException(422, "De bundel " + bsn + " " + version + " kan niet starten / cannot start. " + reason);
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
        String failure = startAndCheck(bundle);
        if (failure != null) {
            try {
                bundle.uninstall();
                refresh(bundle);
            } catch (BundleException e) {
                LOG.warn("Could not remove failed bundle {}", bsn);
            }
            throw new ProblemException(422, "De bundel " + bsn + " start niet / does not start: " + failure);
        }
        return bundle;
    }

    private Bundle update(Bundle bundle, byte[] jar) {
        byte[] previous = db.global(sql -> sql.first("select jar from platform_bundle where symbolic_name = :bsn",
                r -> r.getBytes(1), "bsn", bundle.getSymbolicName())).orElse(null);
        try {
            bundle.update(new ByteArrayInputStream(jar));
            refresh(bundle);
        } catch (BundleException e) {
            throw new ProblemException(422, ResolverMessages.explain(e.getMessage()));
        }
        String failure = startAndCheck(bundle);
        if (failure == null) {
            return bundle;
        }
        LOG.warn("Update of {} failed to start; rolling back", bundle.getSymbolicName());
        if (previous != null) {
            try {
                bundle.update(new ByteArrayInputStream(previous));
                refresh(bundle);
                bundle.start();
            } catch (BundleException e) {
                LOG.error("Rollback of {} failed: {}", bundle.getSymbolicName(), e.getMessage());
            }
        }
        throw new ProblemException(422, "De nieuwe versie start niet; de vorige versie draait weer / the new version does not start; "
                + "the previous version was restored: " + failure);
    }

    /** Starts the bundle; returns why it does not run, or {@code null} when it (and its module) runs. */
    private String startAndCheck(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            return ResolverMessages.explain(e.getMessage());
        }
        String moduleId = moduleId(bundle);
        if (moduleId == null) {
            return null;
        }
        // Declarative Services may activate the module just after start() returns: wait until it is
        // active or has failed for a known reason.
        long deadline = System.nanoTime() + MODULE_START_WAIT.toNanos();
        while (true) {
            Optional<ModuleInfo> info = modules.info(moduleId);
            if (info.isPresent() && info.get().state() == ModuleInfo.State.ACTIVE) {
                return null;
            }
            String problem = info.map(ModuleInfo::problem).orElse(null);
            boolean known = problem != null && !problem.equals(ModuleRegistryImpl.NOT_REGISTERED);
            if (known || System.nanoTime() > deadline) {
                return problem == null ? "De module start niet / the module does not start" : problem;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "Onderbroken / interrupted";
            }
        }
    }

    /** How long an installed module may take to become active. */
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
            try {
                bundle.uninstall();
                refresh(bundle);
            } catch (BundleException e) {
                throw new ProblemException(500, "Verwijderen mislukt / uninstall failed");
            }
            db.global(sql -> sql.update("delete from platform_bundle where symbolic_name = :bsn", "bsn", symbolicName));
            cluster.publish(ClusterEvents.BUNDLES, symbolicName);
            LOG.info("Uninstalled bundle {} (its data is kept)", symbolicName);
        }
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
