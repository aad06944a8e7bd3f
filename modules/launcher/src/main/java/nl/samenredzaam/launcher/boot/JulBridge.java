package nl.samenredzaam.launcher.boot;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Routes java.util.logging (Liquibase, and anything else that uses JUL) to SLF4J, and so to Logback, through the
 * jul-to-slf4j bundle.
 * <p>
 * SLF4J binds once. If a JUL record reached the bridge before Logback could be found as the SLF4J provider, SLF4J
 * would bind to its no-op logger for good. So the bridge is installed only after the logging bundles (start level 1)
 * are active, and SLF4J is initialised explicitly first.
 * <p>
 * (Aries SPI Fly, while it was started, logged through JUL from inside its weaving hook, which made a class-loading
 * cycle through this bridge; it is no longer started, see cnf/runtime.bnd.)
 */
final class JulBridge {

    static final String JUL_TO_SLF4J = "jul.to.slf4j";
    static final String SLF4J_API = "slf4j.api";
    static final String BRIDGE_HANDLER = "org.slf4j.bridge.SLF4JBridgeHandler";

    private final AtomicBoolean installed = new AtomicBoolean();

    /** Installs the bridge if jul-to-slf4j and slf4j-api are active; does nothing once installed. */
    void installIfReady(BundleContext context) {
        if (installed.get()) {
            return;
        }
        Bundle bridge = active(context, JUL_TO_SLF4J);
        Bundle slf4j = active(context, SLF4J_API);
        if (bridge == null || slf4j == null || !installed.compareAndSet(false, true)) {
            return;
        }
        try {
            slf4j.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
            Class<?> handler = bridge.loadClass(BRIDGE_HANDLER);
            handler.getMethod("removeHandlersForRootLogger").invoke(null);
            handler.getMethod("install").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("Samenredzaam: cannot route java.util.logging to SLF4J: " + e);
        }
    }

    /** Called when jul-to-slf4j stops: its handler must not outlive its class loader. */
    void uninstall(Bundle julToSlf4j) {
        if (installed.compareAndSet(true, false)) {
            try {
                julToSlf4j.loadClass(BRIDGE_HANDLER).getMethod("uninstall").invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // the bundle is going away; JUL is left without a root handler, which is harmless
            }
        }
    }

    private static Bundle active(BundleContext context, String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                return b;
            }
        }
        return null;
    }
}
