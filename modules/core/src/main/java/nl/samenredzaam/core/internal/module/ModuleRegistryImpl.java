package nl.samenredzaam.core.internal.module;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.internal.bundle.BundleHealth;
import nl.samenredzaam.core.internal.db.MigrationStatus;
import nl.samenredzaam.core.platform.ClusterEvents;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * The module switchboard. Modules come and go as services (whiteboard); bundles that say they
 * hold a module ({@value #HEADER} header) are tracked too, so that a module whose bundle started
 * but whose service never came is reported as failed, with the reason.
 *
 * <p>The enabled set of each initiative is cached in memory and replaced on change, so the check
 * on the request path is one map lookup, the same with 1 or 1,000 initiatives.
 */
@Component(service = ModuleRegistry.class, immediate = true)
public final class ModuleRegistryImpl implements ModuleRegistry {

    /** Bundle header naming the module a bundle provides. */
    public static final String HEADER = "Samenredzaam-Module";

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistryImpl.class);
    /** The problem of a started bundle whose module service is not (yet) there, without a known reason. */
    public static final String NOT_REGISTERED = "De module meldt zich niet aan / the module did not register";

    private final PlatformDatabase db;
    private final MigrationStatus migrations;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Active> services = new ConcurrentHashMap<>();
    private final Map<ServiceReference<Module>, Module> obtained = new ConcurrentHashMap<>();
    private final BundleContext context;
    private final Map<Long, Set<String>> enabled = new ConcurrentHashMap<>();
    /**
     * Stored settings per initiative and module. Read on many requests (e.g. the calendar's categories), so
     * cached like the switches; a change clears the initiative's entry here and, through the cluster, on the
     * other nodes. {@link #settingsGeneration} keeps a load that raced with a change from caching old values.
     */
    private final Map<Long, Map<String, Map<String, String>>> storedSettings = new ConcurrentHashMap<>();
    private long settingsGeneration;
    private final BundleTracker<String> bundles;
    private volatile ServiceComponentRuntime scr;
    private volatile EventAdmin events;

    private final ClusterEvents cluster;
    private final BundleHealth health;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AutoCloseable switchSubscription;
    private final AutoCloseable resyncSubscription;

    @Activate
    public ModuleRegistryImpl(BundleContext context, @Reference PlatformDatabase db, @Reference MigrationStatus migrations,
            @Reference ClusterEvents cluster, @Reference BundleHealth health) {
        this.health = health;
        this.context = context;
        this.db = db;
        this.migrations = migrations;
        this.cluster = cluster;
        this.switchSubscription = cluster.subscribe(ClusterEvents.MODULE_SWITCH, id -> {
            try {
                invalidate(Long.parseLong(id));
            } catch (NumberFormatException e) {
                invalidateAll();
            }
        });
        this.resyncSubscription = cluster.subscribe(ClusterEvents.RESYNC, x -> invalidateAll());
        this.bundles = new BundleTracker<>(context, Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE
                | Bundle.STOPPING, null) {
            @Override
            public String addingBundle(Bundle bundle, org.osgi.framework.BundleEvent event) {
                String id = bundle.getHeaders("").get(HEADER);
                return id == null ? null : id.split(";")[0].trim();
            }
        };
        this.bundles.open();
    }

    @Deactivate
    void deactivate() throws Exception {
        switchSubscription.close();
        resyncSubscription.close();
        bundles.close();
    }

    /**
     * Bound by reference only, and the service object taken here: Declarative Services would otherwise
     * also fetch the service object to call the unbind method, and for a module whose activation never
     * finished that fetch waits (in Felix, without a time-out) for the thread that is stuck creating
     * it, which hung the platform's shutdown.
     */
    @Reference(service = Module.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModule(ServiceReference<Module> ref) {
        Module module;
        try {
            module = context.getService(ref);
        } catch (RuntimeException e) {
            LOG.warn("Module service of {} could not be obtained: {}", ref.getBundle().getSymbolicName(), e.toString());
            return;
        }
        if (module == null) {
            return; // its activation failed; the reason is reported from Declarative Services (whyNotRegistered)
        }
        obtained.put(ref, module);
        String id = module.id();
        Active previous = services.putIfAbsent(id, new Active(module, ref.getBundle()));
        if (previous != null && previous.module() != module) {
            LOG.warn("Module id '{}' of {} is already used by {}; ignored", id, ref.getBundle().getSymbolicName(),
                    previous.bundle().getSymbolicName());
        } else {
            LOG.info("Module '{}' available ({} {})", id, ref.getBundle().getSymbolicName(), ref.getBundle().getVersion());
        }
        changed();
    }

    void removeModule(ServiceReference<Module> ref) {
        Module module = obtained.remove(ref);
        if (module == null) {
            return; // never obtained (failed or still activating): nothing to remove, nothing to release
        }
        services.remove(module.id(), new Active(module, ref.getBundle()));
        try {
            context.ungetService(ref);
        } catch (IllegalStateException e) {
            // our own bundle is stopping
        }
        changed();
    }

    private void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.warn("Module change listener failed", e);
            }
        }
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setScr(ServiceComponentRuntime runtime) {
        this.scr = runtime;
    }

    void unsetScr(ServiceComponentRuntime runtime) {
        if (this.scr == runtime) {
            this.scr = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEvents(EventAdmin admin) {
        this.events = admin;
    }

    void unsetEvents(EventAdmin admin) {
        if (this.events == admin) {
            this.events = null;
        }
    }

    @Override
    public List<ModuleInfo> modules() {
        Map<String, ModuleInfo> result = new TreeMap<>();
        Map<Bundle, String> tracked = bundles.getTracked();
        for (Map.Entry<Bundle, String> e : tracked.entrySet()) {
            result.put(e.getValue(), describe(e.getValue(), e.getKey()));
        }
        for (Active a : services.values()) {
            result.putIfAbsent(a.module().id(), describe(a.module().id(), a.bundle()));
        }
        return new ArrayList<>(result.values());
    }

    @Override
    public Optional<ModuleInfo> info(String moduleId) {
        return modules().stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    private ModuleInfo describe(String id, Bundle bundle) {
        Active active = services.get(id);
        String version = bundle.getVersion().toString();
        if (active != null && active.bundle().equals(bundle)) {
            Module m = active.module();
            if (migrations.ready(bundle)) {
                return new ModuleInfo(id, m.name(), m.summary(), version, bundle.getSymbolicName(), ModuleInfo.State.ACTIVE, null);
            }
            return new ModuleInfo(id, m.name(), m.summary(), version, bundle.getSymbolicName(), ModuleInfo.State.FAILED,
                    migrations.outcome(bundle.getBundleId()).map(MigrationStatus.Outcome::problem)
                            .orElse("De database wordt nog bijgewerkt / migrating the database"));
        }
        String bundleName = Optional.ofNullable(bundle.getHeaders("").get("Bundle-Name")).orElse(bundle.getSymbolicName());
        Optional<String> stuck = health.stuckProblem(bundle.getBundleId());
        Text name = Text.of(bundleName, bundleName);
        Text summary = Optional.ofNullable(bundle.getHeaders("").get("Bundle-Description")).map(d -> Text.of(d, d))
                .orElse(Text.of("", ""));
        if (stuck.isPresent()) {
            return new ModuleInfo(id, name, summary, version, bundle.getSymbolicName(), ModuleInfo.State.FAILED, stuck.get());
        }
        if (bundle.getState() == Bundle.ACTIVE) {
            return new ModuleInfo(id, name, summary, version, bundle.getSymbolicName(), ModuleInfo.State.FAILED, whyNotRegistered(bundle));
        }
        return new ModuleInfo(id, name, summary, version, bundle.getSymbolicName(), ModuleInfo.State.STOPPED,
                bundle.getState() == Bundle.INSTALLED ? "Kan niet starten: er ontbreekt iets dat de module nodig heeft / cannot start: something it needs is missing" : null);
    }

    private String whyNotRegistered(Bundle bundle) {
        Optional<MigrationStatus.Outcome> migration = migrations.outcome(bundle.getBundleId());
        if (migration.isPresent() && !migration.get().success()) {
            return migration.get().problem();
        }
        ServiceComponentRuntime runtime = scr;
        if (runtime != null) {
            List<String> reasons = new ArrayList<>();
            runtime.getComponentDescriptionDTOs(bundle).forEach(desc -> runtime.getComponentConfigurationDTOs(desc).forEach(cfg -> {
                if (cfg.failure != null) {
                    reasons.add("Starten mislukt / activation failed: " + firstLine(cfg.failure));
                } else if (cfg.unsatisfiedReferences != null && cfg.unsatisfiedReferences.length > 0) {
                    for (var ref : cfg.unsatisfiedReferences) {
                        reasons.add("Wacht op een dienst die er niet is / waiting for a missing service: " + ref.name
                                + (ref.target != null ? " " + ref.target : ""));
                    }
                }
            }));
            if (!reasons.isEmpty()) {
                return String.join("; ", reasons);
            }
        }
        return NOT_REGISTERED;
    }

    /** The root cause of a Declarative Services failure trace: its last "Caused by" line, else its first line. */
    static String firstLine(String failure) {
        String line = failure.lines().findFirst().orElse(failure);
        for (String l : failure.lines().toList()) {
            String t = l.strip();
            if (t.startsWith("Caused by: ")) {
                line = t.substring("Caused by: ".length());
            }
        }
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    @Override
    public Optional<Active> active(String moduleId) {
        Active a = services.get(moduleId);
        if (a == null || a.bundle().getState() != Bundle.ACTIVE || !migrations.ready(a.bundle())) {
            return Optional.empty();
        }
        return Optional.of(a);
    }

    @Override
    public List<Active> activeModules() {
        List<Active> list = new ArrayList<>();
        for (Active a : services.values()) {
            if (a.bundle().getState() == Bundle.ACTIVE && migrations.ready(a.bundle())) {
                list.add(a);
            }
        }
        list.sort(Comparator.comparing(a -> a.module().id()));
        return list;
    }

    @Override
    public boolean isEnabled(long initiativeId, String moduleId) {
        return enabledModules(initiativeId).contains(moduleId);
    }

    @Override
    public Set<String> enabledModules(long initiativeId) {
        return enabled.computeIfAbsent(initiativeId, id -> Set.copyOf(db.global(sql -> sql.list(
                "select module_id from platform_module_switch where initiative_id = :id and enabled = true",
                r -> r.getString(1), "id", id))));
    }

    @Override
    public void setEnabled(long initiativeId, String moduleId, boolean on) {
        if (info(moduleId).isEmpty()) {
            throw ProblemException.notFound();
        }
        db.global(sql -> {
            int changed = sql.update("update platform_module_switch set enabled = :on, changed_at = :now "
                    + "where initiative_id = :initiative_id and module_id = :module",
                    "on", on, "now", clock.instant(), "initiative_id", initiativeId, "module", moduleId);
            if (changed == 0) {
                sql.update("insert into platform_module_switch (initiative_id, module_id, enabled, changed_at) "
                        + "values (:initiative_id, :module, :on, :now)",
                        "on", on, "now", clock.instant(), "initiative_id", initiativeId, "module", moduleId);
            }
            return null;
        });
        invalidate(initiativeId);
        cluster.publish(ClusterEvents.MODULE_SWITCH, Long.toString(initiativeId));
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(DomainEvents.MODULE_SWITCHED,
                    Map.of(DomainEvents.INITIATIVE, initiativeId, "module", moduleId, "enabled", on)));
        }
    }

    @Override
    public Map<String, String> settings(long initiativeId, String moduleId) {
        Active a = active(moduleId).orElseThrow(ProblemException::notFound);
        Map<String, String> stored = storedSettings(initiativeId, moduleId);
        Map<String, String> result = new LinkedHashMap<>();
        for (Setting s : a.module().settings()) {
            result.put(s.key(), stored.getOrDefault(s.key(), s.defaultValue()));
        }
        return result;
    }

    private Map<String, String> storedSettings(long initiativeId, String moduleId) {
        Map<String, String> cached = storedSettings.getOrDefault(initiativeId, Map.of()).get(moduleId);
        if (cached != null) {
            return cached;
        }
        long generation;
        synchronized (storedSettings) {
            generation = settingsGeneration;
        }
        Map<String, String> stored = new LinkedHashMap<>();
        db.global(sql -> sql.list("select setting_key, setting_value from platform_module_setting "
                + "where initiative_id = :id and module_id = :module", r -> stored.put(r.getString(1), r.getString(2)),
                "id", initiativeId, "module", moduleId));
        Map<String, String> loaded = Map.copyOf(stored);
        synchronized (storedSettings) {
            if (generation == settingsGeneration) {
                storedSettings.computeIfAbsent(initiativeId, id -> new ConcurrentHashMap<>()).put(moduleId, loaded);
            }
        }
        return loaded;
    }

    private void forgetSettings(Long initiativeId) {
        synchronized (storedSettings) {
            settingsGeneration++;
            if (initiativeId == null) {
                storedSettings.clear();
            } else {
                storedSettings.remove(initiativeId);
            }
        }
    }

    @Override
    public void updateSettings(long initiativeId, String moduleId, Map<String, String> values) {
        Active a = active(moduleId).orElseThrow(ProblemException::notFound);
        Set<String> known = new HashSet<>();
        a.module().settings().forEach(s -> known.add(s.key()));
        Map<String, String> problems = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!known.contains(k)) {
                problems.put(k, "Onbekende instelling / unknown setting");
            } else if (v == null || v.length() > 2000) {
                problems.put(k, "Geef een waarde van hoogstens 2000 tekens / give a value of at most 2000 characters");
            }
        });
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        db.global(sql -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                sql.update("delete from platform_module_setting where initiative_id = :id and module_id = :module and setting_key = :key",
                        "id", initiativeId, "module", moduleId, "key", e.getKey());
                sql.update("insert into platform_module_setting (initiative_id, module_id, setting_key, setting_value) "
                        + "values (:id, :module, :key, :value)", "id", initiativeId, "module", moduleId, "key", e.getKey(), "value", e.getValue());
            }
            return null;
        });
        forgetSettings(initiativeId);
        // the other nodes drop their cached switches and settings of this initiative
        cluster.publish(ClusterEvents.MODULE_SWITCH, Long.toString(initiativeId));
    }

    @Override
    public void invalidate(long initiativeId) {
        enabled.remove(initiativeId);
        forgetSettings(initiativeId);
    }

    @Override
    public void invalidateAll() {
        enabled.clear();
        forgetSettings(null);
    }
}
