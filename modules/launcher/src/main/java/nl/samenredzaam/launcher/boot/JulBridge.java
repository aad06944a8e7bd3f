package nl.samenredzaam.launcher.boot;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Routes java.util.logging (Liquibase, and anything else that uses JUL) to SLF4J, and so to Logback, through the
 * jul-to-slf4j bundle.
 * <p>
 * Two traps shape this class:
 * <ol>
 * <li>SLF4J binds once. If a JUL record reaches the bridge before SPI Fly has registered Logback as the SLF4J
 * provider, SLF4J binds to its no-op logger for good. So the bridge is installed only after the logging bundles
 * (start level 1) are active, and SLF4J is initialised explicitly first.</li>
 * <li>SPI Fly logs through JUL from inside its weaving hook, that is while a class is being loaded. Routed to SLF4J,
 * such a record can make Logback load a class, which is woven, which logs: a class-loading cycle
 * ("Cycle detected while trying to load class org.slf4j.helpers.SubstituteLogger") that broke Jetty's start. So SPI
 * Fly's JUL logger never reaches the bridge: it keeps its own console handler, warnings only.</li>
 * </ol>
 */
final class JulBridge {

    static final String JUL_TO_SLF4J = "jul.to.slf4j";
    static final String SLF4J_API = "slf4j.api";
    static final String BRIDGE_HANDLER = "org.slf4j.bridge.SLF4JBridgeHandler";
    static final String SPIFLY_LOGGER = "org.apache.aries.spifly";

    /** JUL holds loggers weakly: keep the configured one alive, or its settings vanish with it. */
    private static final Logger SPIFLY = Logger.getLogger(SPIFLY_LOGGER);

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
        isolateSpiFly();
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

    private static void isolateSpiFly() {
        SPIFLY.setUseParentHandlers(false);
        SPIFLY.setLevel(Level.WARNING);
        if (SPIFLY.getHandlers().length == 0) {
            ConsoleHandler console = new ConsoleHandler();
            console.setLevel(Level.WARNING);
            SPIFLY.addHandler(console);
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
