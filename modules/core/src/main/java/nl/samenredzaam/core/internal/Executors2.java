package nl.samenredzaam.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops core's own threads without interrupting work in progress: an interrupt during a database
 * write makes H2 close its file channel, which can damage the database. Work still running after
 * the grace period is interrupted as a last resort.
 */
public final class Executors2 {

    private Executors2() {
    }

    public static void stopGracefully(ExecutorService executor, long graceSeconds) {
        if (executor instanceof ScheduledThreadPoolExecutor scheduled) {
            scheduled.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            scheduled.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(graceSeconds, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
