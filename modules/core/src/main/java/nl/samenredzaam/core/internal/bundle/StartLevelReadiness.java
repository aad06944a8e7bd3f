package nl.samenredzaam.core.internal.bundle;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

import nl.samenredzaam.core.platform.Readiness;

/**
 * Keeps {@code /health} at 503 STARTING until every bundle shipped in the jar above core's own start
 * level, up to the modules' level ({@code samenredzaam.startlevel.ready}, set in cnf/runtime.bnd), has
 * started or failed. Without it {@code /health} said UP while the feature modules were still starting,
 * and a request could get a 404 from a module that was about to arrive.
 *
 * <p>The framework's own start level does not say this: Felix reports the level it is raising to
 * (20) while its start-level thread still starts the bundles one after the other, so a check of the
 * level said UP while the last module was still migrating (seen in a start-up log; H2TemplateIT and
 * the e2e tests that sign in at once depend on it). This class therefore counts the bundles: each must
 * have sent STARTED and its start must have returned (the starting thread went on to the next bundle,
 * or the framework announced the end of the raise), or it must have failed (the framework's ERROR
 * event for it).
 *
 * <p>Only bundles shipped in the jar count (bnd's launcher installs them from {@value #SHIPPED}):
 * a bundle uploaded or dropped in {@code deploy/} is started by core or FileInstall on a thread of its
 * own and one that hangs must not keep the platform at 503. Without the property (a test framework)
 * there is nothing to wait for.
 *
 * <p>A shipped bundle that hangs in its activation never sends either. {@link StartLevelWatchdog} marks
 * it stuck in {@link BundleHealth} after the bundle start time-out and starts the bundles after it; a
 * bundle marked stuck counts as failed here, so {@code /health} answers 200 once the rest has started.
 */
// Immediate: created when core starts, so that it sees the STARTED and ERROR events of every later
// bundle. As a delayed component it was created only when web's health servlet first asked for it,
// after the modules before "web" had started: a module that had failed to resolve by then was never
// counted, and /health stayed 503 (CI, a calendar built against a newer API).
@Component(service = Readiness.class, immediate = true)
public final class StartLevelReadiness implements Readiness, FrameworkListener, SynchronousBundleListener {

    static final String PROPERTY = "samenredzaam.startlevel.ready";
    /** The location prefix bnd's launcher gives the bundles it installs from inside the jar. */
    static final String SHIPPED = "jar/";

    private final BundleContext context;
    private final BundleHealth health;
    private final FrameworkStartLevel startLevel;
    private final int target;
    private final int own;
    private final Set<Long> started = ConcurrentHashMap.newKeySet();
    /**
     * Bundles whose start has returned: the thread that started one has begun starting the next. STARTED
     * alone is not enough: Felix calls the listeners of different bundles in no fixed order, so this
     * listener can hear STARTED before Declarative Services has activated the module's components
     * (seen: the 200 came before wmo-intake's demo data was queued).
     */
    private final Set<Long> settled = ConcurrentHashMap.newKeySet();
    /** The last bundle each thread began to start. */
    private final Map<Thread, Long> startingOn = new ConcurrentHashMap<>();
    /** The framework said the raise is over (STARTLEVEL_CHANGED): every start on its thread has returned. */
    private volatile boolean raised;
    private final Set<Long> failed = ConcurrentHashMap.newKeySet();
    private volatile boolean reached;

    @Activate
    public StartLevelReadiness(BundleContext context, @Reference BundleHealth health) {
        this.context = context;
        this.health = health;
        this.startLevel = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class);
        this.target = target(context.getProperty(PROPERTY));
        BundleStartLevel level = context.getBundle().adapt(BundleStartLevel.class);
        this.own = level == null ? 0 : level.getStartLevel();
        context.addBundleListener(this);
        context.addFrameworkListener(this);
        // Felix reports the level it is raising to while it still starts the lower levels, so the level
        // cannot tell a start from core restarting on a running platform. Bundles active already count
        // as started: none above core's level at a start, all of them on a running platform.
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE) {
                started.add(b.getBundleId());
                settled.add(b.getBundleId());
            }
        }
        reached = target == 0;
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
        context.removeBundleListener(this);
        startingOn.clear();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTING) {
            // called on the thread that starts the bundle: its previous start there has returned
            Long previous = startingOn.put(Thread.currentThread(), id);
            if (previous != null) {
                settled.add(previous);
            }
        } else if (event.getType() == BundleEvent.STARTED) {
            started.add(id);
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        // Felix sends ERROR with the bundle when it cannot resolve or start one while raising the level.
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null) {
            failed.add(event.getBundle().getBundleId());
        } else if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
            raised = true;
        }
    }

    @Override
    public boolean ready() {
        if (!reached && startLevel.getStartLevel() >= target && everyShippedBundleStarted()) {
            reached = true;
        }
        return reached;
    }

    private boolean everyShippedBundleStarted() {
        // With the start-level thread stuck, the framework never says the raise is over, and the
        // watchdog starts the rest on threads of its own (each start awaited): STARTED is then enough.
        boolean takenOver = false;
        for (Bundle b : context.getBundles()) {
            if (health.isStuck(b.getBundleId())) {
                takenOver = true;
            }
        }
        for (Bundle b : context.getBundles()) {
            if (!b.getLocation().startsWith(SHIPPED) || isFragment(b)) {
                continue;
            }
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level == null || level.getStartLevel() <= own || level.getStartLevel() > target || !level.isPersistentlyStarted()) {
                continue;
            }
            long id = b.getBundleId();
            if (failed.contains(id) || health.isStuck(id)) {
                continue;
            }
            if (!started.contains(id) || !(raised || takenOver || settled.contains(id))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    @Override
    public String name() {
        return "startlevel";
    }

    static int target(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PROPERTY + " must be a start level, not '" + value + "'", e);
        }
    }
}
