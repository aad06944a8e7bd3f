package nl.samenredzaam.core.platform;

/**
 * Figures an operator (and the leak tests) read from the running platform.
 *
 * @param liveThreads     threads alive in the JVM
 * @param bundles         installed bundles
 * @param bundleRevisions revisions of all bundles still in use; more than {@code bundles} means
 *                        old class loaders are still held
 * @param removalPending  bundles whose old revisions wait for a refresh
 * @param loadedClasses   classes currently loaded
 * @param heapUsedBytes   used heap
 * @param uptimeMillis    time since the JVM started
 * @param leakedThreads   threads that kept running after their bundle stopped, still alive:
 *                        "symbolic-name version: thread, thread" per bundle (empty when none)
 */
public record RuntimeStats(int liveThreads, int bundles, int bundleRevisions, int removalPending, int loadedClasses,
        long heapUsedBytes, long uptimeMillis,
        java.util.List<String> leakedThreads) {
}
