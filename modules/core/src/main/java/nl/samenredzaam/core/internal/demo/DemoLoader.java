package nl.samenredzaam.core.internal.demo;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.core.internal.db.MigrationStatus;
import nl.samenredzaam.core.platform.DemoAccounts;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.core.platform.Readiness;

/**
 * With {@code --demo}: creates the fictional initiative "Dorpszorg Lindeholt", its demo accounts,
 * enables every module for it and lets each module add its demo data, once per module (a module
 * installed later gets its demo data when it arrives). Work runs on one thread of its own, stopped
 * with the component.
 */
@Component(immediate = true, service = Readiness.class)
public final class DemoLoader implements Readiness {

    public static final String SLUG = "lindeholt";
    public static final String NAME = "Dorpszorg Lindeholt";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final boolean enabled;
    private final PlatformDatabase db;
    private final InitiativeService initiatives;
    private final ModuleRegistry modules;
    private final DemoAccounts accounts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "samenredzaam-demo"));
    /**
     * Each module's demo data is written on one of these, next to the others: the calendar's programme
     * alone took ~0.45 s of a first {@code --demo} start, one module after the other (docs/performance.md).
     * The modules' data are independent of each other; the worker above still decides what to load.
     */
    private final ExecutorService loaders = Executors.newFixedThreadPool(2, r -> new Thread(r, "samenredzaam-demo-module"));
    /** Modules whose demo data is being written now, so that a second look does not start them twice. */
    private final java.util.Set<String> loading = ConcurrentHashMap.newKeySet();
    /** Modules switched on for the demo that have no demo data (yet). */
    private final java.util.Set<String> enabledWithoutData = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
    private final Map<String, DemoDataContributor> contributors = new ConcurrentHashMap<>();
    private volatile Initiative initiative;
    private volatile Map<String, Long> people;
    private volatile boolean prepared;
    private volatile AutoCloseable moduleChanges;
    private volatile SynchronousBundleListener bundleListener;
    private volatile BundleContext context;
    /** Work queued or running on the worker: /health waits until it is done. */
    private final AtomicInteger pending = new AtomicInteger();

    @Activate
    public DemoLoader(BundleContext context, @Reference PlatformDatabase db, @Reference InitiativeService initiatives,
            @Reference ModuleRegistry modules, @Reference DemoAccounts accounts, @Reference MigrationStatus migrations) {
        this.enabled = Boolean.parseBoolean(context.getProperty("samenredzaam.demo"));
        this.db = db;
        this.initiatives = initiatives;
        this.modules = modules;
        this.accounts = accounts;
        if (enabled) {
            submit(this::prepare);
            migrations.onChange(() -> submit(this::runPending));
            // A module's service appears while its bundle is still STARTING (Declarative Services
            // activates then), and the registry lists a module as active only once its bundle is
            // ACTIVE: a look at that moment found wmo-intake missing, and /health said UP before its
            // demo data (seen in start-up logs). So look again when a bundle has started; synchronous,
            // so the look is queued (and /health waits for it) before that bundle's start returns.
            moduleChanges = modules.onChange(() -> submit(this::runPending));
            SynchronousBundleListener listener = event -> {
                if (event.getType() == BundleEvent.STARTED) {
                    submit(this::runPending);
                }
            };
            context.addBundleListener(listener);
            this.bundleListener = listener;
            this.context = context;
        }
    }

    /**
     * Without --demo there is nothing to wait for; with it, the demo initiative, its accounts, and the
     * demo data of every module that has arrived so far. (Together with core's start-level readiness,
     * which waits until every shipped module has arrived, /health says UP only when the demo is whole.)
     */
    @Override
    public boolean ready() {
        return !enabled || prepared && pending.get() == 0;
    }

    private void submit(Runnable work) {
        pending.incrementAndGet();
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } finally {
                    done();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            pending.decrementAndGet();
        }
    }

    /** One piece of work less; says once that the demo is whole when nothing is left (also what /health waits for). */
    private void done() {
        if (pending.decrementAndGet() == 0 && prepared && announced.compareAndSet(false, true)) {
            LOG.info("Demo initiative ready at /{}/", SLUG);
        }
    }

    @Override
    public String name() {
        return "demo";
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (bundleListener != null) {
            try {
                context.removeBundleListener(bundleListener);
            } catch (IllegalStateException stopping) {
                // our bundle is stopping
            }
        }
        AutoCloseable changes = moduleChanges;
        if (changes != null) {
            try {
                changes.close();
            } catch (Exception e) {
                LOG.debug("Could not stop listening to module changes", e);
            }
        }
        nl.samenredzaam.core.internal.Executors2.stopGracefully(worker, 10);
        nl.samenredzaam.core.internal.Executors2.stopGracefully(loaders, 10);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContributor(DemoDataContributor contributor) {
        contributors.put(contributor.moduleId(), contributor);
        if (enabled) {
            submit(this::runPending);
        }
    }

    /**
     * A module that becomes active after its contributor arrived still gets its demo data. Bound by
     * reference only: fetching the service object here would activate a module in this thread, and
     * wait without end for one whose activation hangs (also at unbind, which hung the shutdown).
     */
    @Reference(service = nl.samenredzaam.api.module.Module.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addModule(org.osgi.framework.ServiceReference<nl.samenredzaam.api.module.Module> module) {
        if (enabled) {
            submit(this::runPending);
        }
    }

    void removeModule(org.osgi.framework.ServiceReference<nl.samenredzaam.api.module.Module> module) {
        // nothing to undo: demo data stays with the initiative
    }

    void removeContributor(DemoDataContributor contributor) {
        contributors.remove(contributor.moduleId(), contributor);
    }

    private void prepare() {
        try {
            initiative = initiatives.bySlug(SLUG).orElseGet(() -> initiatives.create(SLUG, NAME));
            people = accounts.ensure(initiative);
            runPending();
            prepared = true;
        } catch (RuntimeException e) {
            LOG.error("Could not prepare the demo initiative", e);
        }
    }

    private void runPending() {
        Initiative demo = initiative;
        if (demo == null || people == null) {
            return;
        }
        for (ModuleRegistry.Active active : modules.activeModules()) {
            String id = active.module().id();
            if (!loading.add(id)) {
                continue; // being written right now
            }
            DemoDataContributor contributor = contributors.get(id);
            if (alreadyLoaded(demo.id(), id)) {
                loading.remove(id);
                continue;
            }
            if (contributor == null) {
                // Not marked as loaded: its contributor may still be on its way (Declarative Services
                // activates it right after the module, on the thread that starts the bundle, while this
                // runs on the worker); marked now, its demo data would never come (seen in start-up logs).
                // A module without any demo data is switched on once per start of the platform.
                if (enabledWithoutData.add(id)) {
                    modules.setEnabled(demo.id(), id, true);
                }
                loading.remove(id);
                continue;
            }
            modules.setEnabled(demo.id(), id, true);
            pending.incrementAndGet();
            try {
                loaders.execute(() -> {
                    try {
                        load(demo, id, contributor);
                    } finally {
                        loading.remove(id);
                        done();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                loading.remove(id);
                pending.decrementAndGet();
            }
        }
    }

    private void load(Initiative demo, String moduleId, DemoDataContributor contributor) {
        DemoContext context = new DemoContext() {
            @Override
            public long userId(String username) {
                Long id = people.get(username);
                if (id == null) {
                    throw new IllegalArgumentException("no demo account " + username);
                }
                return id;
            }

            @Override
            public Clock clock() {
                return Clock.systemDefaultZone();
            }
        };
        try {
            db.transaction(demo.id(), sql -> {
                contributor.populate(sql, context);
                return null;
            });
            markLoaded(demo.id(), moduleId);
            LOG.info("Demo data of module '{}' added", moduleId);
        } catch (RuntimeException e) {
            LOG.error("Demo data of module '{}' failed", moduleId, e);
            markLoaded(demo.id(), moduleId);
        }
    }

    private boolean alreadyLoaded(long initiativeId, String moduleId) {
        return db.global(sql -> sql.first("select 1 from platform_demo_run where initiative_id = :i and module_id = :m",
                r -> true, "i", initiativeId, "m", moduleId)).isPresent();
    }

    private void markLoaded(long initiativeId, String moduleId) {
        db.global(sql -> sql.update("insert into platform_demo_run (initiative_id, module_id, loaded_at) values (:i, :m, :now)",
                "i", initiativeId, "m", moduleId, "now", java.time.Instant.now()));
    }
}
