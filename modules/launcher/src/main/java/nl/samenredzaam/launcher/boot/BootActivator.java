package nl.samenredzaam.launcher.boot;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Started by bnd's launcher with the system bundle's context (the {@code Embedded-Activator} header of this jar, which
 * cnf/runtime.bnd puts on {@code -runpath}). It does two things no bundle can do as well:
 * <ul>
 * <li>a JVM shutdown hook that stops the framework in order on SIGTERM or Ctrl-C (bnd's launcher has none), so
 * bundles deactivate, Jetty closes and the database is closed cleanly;</li>
 * <li>routes java.util.logging to SLF4J/Logback ({@link JulBridge}) as soon as the first bundle above start level 1
 * (where the logging bundles live) has started;</li>
 * <li>with {@code -Dsamenredzaam.start.trace=true}, prints how long each bundle took to start ({@link StartTrace}).</li>
 * </ul>
 */
public final class BootActivator implements BundleActivator {

    /** How long a shutdown waits for the bundles to stop. */
    static final long STOP_TIMEOUT_MILLIS = 20_000;

    private final JulBridge julBridge = new JulBridge();
    private volatile Thread shutdownHook;
    private volatile SynchronousBundleListener listener;

    @Override
    public void start(BundleContext context) {
        if (context.getBundle() instanceof Framework framework) {
            Thread hook = new Thread(() -> stopFramework(framework), "samenredzaam-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        }
        StartTrace trace = Boolean.getBoolean(StartTrace.PROPERTY) ? new StartTrace(System.out) : null;
        SynchronousBundleListener l = event -> {
            Bundle bundle = event.getBundle();
            if (trace != null) {
                trace.bundleChanged(event);
            }
            if (event.getType() == BundleEvent.STARTED && startLevel(bundle) > 1) {
                julBridge.installIfReady(context);
            } else if (event.getType() == BundleEvent.STOPPING
                    && JulBridge.JUL_TO_SLF4J.equals(bundle.getSymbolicName())) {
                julBridge.uninstall(bundle);
            }
        };
        context.addBundleListener(l);
        listener = l;
    }

    @Override
    public void stop(BundleContext context) {
        SynchronousBundleListener l = listener;
        if (l != null) {
            context.removeBundleListener(l);
        }
        Thread hook = shutdownHook;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already: nothing to undo
            }
        }
    }

    static void stopFramework(Framework framework) {
        if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return; // stopped already (a normal exit)
        }
        System.out.println("Samenredzaam stopping");
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                System.err.println("Samenredzaam: bundles did not stop within " + STOP_TIMEOUT_MILLIS + " ms");
            } else {
                System.out.println("Samenredzaam stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("Samenredzaam: stopping the framework failed: " + e);
        }
    }

    private static int startLevel(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level == null ? 0 : level.getStartLevel();
    }
}
