package nl.samenredzaam.launcher.boot;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleEvent;

/**
 * A diagnosis of the start-up ({@code java -Dsamenredzaam.start.trace=true -jar samenredzaam.jar}): one line per bundle
 * start, with the milliseconds since the JVM started and how long the bundle took from STARTING to STARTED (its
 * activator, its Declarative Services components, its migrations). docs/performance.md shows how to read it.
 */
final class StartTrace {

    static final String PROPERTY = "samenredzaam.start.trace";

    private final PrintStream out;
    private final Map<Long, Long> starting = new ConcurrentHashMap<>();
    private final long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();

    StartTrace(PrintStream out) {
        this.out = out;
    }

    void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (event.getType() == BundleEvent.STARTING) {
            starting.put(id, System.nanoTime());
        } else if (event.getType() == BundleEvent.STARTED) {
            Long began = starting.remove(id);
            long took = began == null ? 0 : (System.nanoTime() - began) / 1_000_000;
            out.printf("start-trace %6d ms  %5d ms  %s%n", System.currentTimeMillis() - jvmStart, took,
                    event.getBundle().getSymbolicName());
        }
    }
}
