package nl.samenredzaam.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The crash scenario shared by the database variants: writers post buurtnieuws items as fast as the platform takes
 * them, the JVM is killed with SIGKILL while they are still writing, the platform starts again on the same data, and
 * every item whose POST was answered 201 must be there.
 */
final class CrashDurability {

    /** System property: how many acknowledged writes before the kill (default 150; raise for the long variant). */
    static final String WRITES_PROPERTY = "samenredzaam.crash.writes";
    static final int WRITERS = 4;

    private CrashDurability() {
    }

    /** Runs the scenario on a started platform; returns a one-line summary for the report. */
    static String killDuringWritesAndCheck(RunningPlatform platform, String label) throws Exception {
        int target = Integer.getInteger(WRITES_PROPERTY, 150);
        HttpJson beheerder = Reliability.beheerderWithBuurtnieuws(platform.http());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failedInFlight = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            writers.submit(() -> {
                while (!killed.get()) {
                    int n = counter.incrementAndGet();
                    try {
                        JsonResponse r = beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                                Map.of("title", "Crashtest " + n, "body", "Schrijfactie " + n + " in een stroom."));
                        if (r.status() == 201) {
                            acknowledged.add(r.header("Location").orElseThrow());
                        } else if (!killed.get()) {
                            throw new AssertionError("write " + n + " refused while the platform was up: " + r);
                        }
                    } catch (RuntimeException e) {
                        if (!killed.get()) {
                            throw e;
                        }
                        failedInFlight.incrementAndGet(); // in flight when the JVM died: never acknowledged
                    }
                }
                return null;
            });
        }
        Eventually.within(Duration.ofSeconds(120)).polling(Duration.ofMillis(5))
                .until(() -> acknowledged.size() >= target || writers.isTerminated(), target + " acknowledged writes");
        killed.set(true);
        platform.kill();
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "writers stopped after the kill");
        List<String> acked = new ArrayList<>(acknowledged);

        platform.start();
        HttpJson after = Reliability.beheerderWithBuurtnieuws(platform.http().newSession());
        List<String> lost = new ArrayList<>();
        for (String location : acked) {
            JsonResponse item = after.get(location);
            if (item.status() == 404) {
                lost.add(location);
            } else {
                assertEquals(200, item.status(), location + ": " + item);
            }
        }
        String summary = String.format("[reliability] crash on %s: %d writes acknowledged before kill -9, %d in flight,"
                + " %d lost after restart", label, acked.size(), failedInFlight.get(), lost.size());
        System.out.println(summary);
        assertTrue(lost.isEmpty(), summary + ": " + lost);
        return summary;
    }
}
