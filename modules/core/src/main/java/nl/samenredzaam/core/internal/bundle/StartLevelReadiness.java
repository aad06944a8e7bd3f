package nl.samenredzaam.core.internal.bundle;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import nl.samenredzaam.core.platform.Readiness;

/**
 * Keeps {@code /health} at 503 STARTING until the framework has reached the start level of the
 * modules ({@code samenredzaam.startlevel.ready}, set in cnf/runtime.bnd): only then has every
 * bundle shipped in the jar been started (or failed, and is shown as failed). Without it {@code /health} said UP while the feature modules were still
 * starting, and a request could get a 404 from a module that was about to arrive. Without the
 * property (a test framework) there is nothing to wait for.
 */
@Component(service = Readiness.class)
public final class StartLevelReadiness implements Readiness, FrameworkListener {

    static final String PROPERTY = "samenredzaam.startlevel.ready";

    private final BundleContext context;
    private final FrameworkStartLevel startLevel;
    private final int target;
    private volatile boolean reached;

    @Activate
    public StartLevelReadiness(BundleContext context) {
        this.context = context;
        this.startLevel = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class);
        this.target = target(context.getProperty(PROPERTY));
        context.addFrameworkListener(this);
        // Felix raises its active level one bundle level at a time and reports the target only once
        // every bundle up to it has been started: a level at or above the target here means core was
        // restarted on a running platform.
        check();
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED || event.getType() == FrameworkEvent.STARTED) {
            check();
        }
    }

    private void check() {
        if (!reached && startLevel.getStartLevel() >= target) {
            reached = true;
        }
    }

    @Override
    public boolean ready() {
        return reached;
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
