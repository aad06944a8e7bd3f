package nl.samenredzaam.e2e.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Load against the running platform (issue 11, item 3), one platform start for both tests.
 *
 * <ul>
 * <li>{@link #soakWithMixedTrafficAtHalfCapacity}: first measures what the platform serves with a closed loop of
 * clients, then sends mixed traffic (resident pages, calendar API, an authenticated read, writes) at half that rate
 * for {@code samenredzaam.soak.seconds} (20 in the normal build; 600 for the long variant). Zero errors; threads and
 * the heap after a full GC must not keep growing.</li>
 * <li>{@link #burstFarAboveCapacityDegradesGracefully}: {@code samenredzaam.burst.clients} clients (400) at once, each
 * sending requests back to back. Every answer is a success or a deliberate refusal (429/503 with
 * {@code Retry-After}); none is a 500, a reset connection or a client time-out; afterwards the platform serves as
 * before.</li>
 * </ul>
 *
 * Figures go to the test output as {@code [load] ...} lines; docs/reliability.md keeps the measured ones. Nothing here
 * asserts a duration: the 30 s client time-out only catches a request that hangs.
 */
@TestMethodOrder(OrderAnnotation.class)
class LoadIT {

    static final String DEMO_PASSWORD = "lindeholt-demo";
    static final String OPERATOR_PASSWORD = "operator-load-secret-2026";
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    static final int SOAK_SECONDS = Integer.getInteger("samenredzaam.soak.seconds", 20);
    static final int BURST_CLIENTS = Integer.getInteger("samenredzaam.burst.clients", 400);
    static final int BURST_REQUESTS_PER_CLIENT = 5;

    /** Above this many new threads (other than Jetty's request pool) after warm-up the platform leaks threads. */
    static final int THREAD_GROWTH_LIMIT = 8;
    /** Jetty's default request thread pool maximum (Felix HTTP Jetty leaves it at Jetty's default). */
    static final int JETTY_MAX_THREADS = 200;
    /** Heap after a full GC may grow this much over the soak (database page cache, JIT'd code do not count here). */
    static final long HEAP_GROWTH_LIMIT = 48L * 1024 * 1024;

    static final String JCMD = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();

    static final String MONTH = "from=2026-12-01T00:00:00%2B01:00&to=2027-01-01T00:00:00%2B01:00";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("load").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).build();

    /** What one step of the mix is: method, path, who, and the statuses that count as success. */
    record Step(String name, String method, String path, HttpJson as, Set<Integer> ok) {
    }

    @Test
    @Order(1)
    void soakWithMixedTrafficAtHalfCapacity(HttpJson http) throws Exception {
        HttpJson operator = signedIn(http, "admin", OPERATOR_PASSWORD);
        HttpJson resident = signedIn(http, "resident", DEMO_PASSWORD);
        HttpJson beheerder = signedIn(http, "beheerder", DEMO_PASSWORD);
        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true)).status());
        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/calendar", Map.of("enabled", true)).status());

        AtomicInteger written = new AtomicInteger();
        List<Step> mix = List.of(
                new Step("home page", "GET", "/lindeholt/", http, Set.of(200)),
                new Step("calendar page", "GET", "/lindeholt/calendar", http, Set.of(200)),
                new Step("calendar API month", "GET", "/api/v1/lindeholt/calendar/activities?" + MONTH, http, Set.of(200)),
                new Step("my registrations", "GET", "/api/v1/lindeholt/calendar/registrations/mine", resident, Set.of(200)),
                new Step("news list", "GET", "/api/v1/lindeholt/buurtnieuws/items", resident, Set.of(200)),
                new Step("news write", "POST", "/api/v1/lindeholt/buurtnieuws/items", beheerder, Set.of(201)),
                new Step("health", "GET", "/health", http, Set.of(200)));
        for (Step step : mix) {
            JsonResponse r = send(step, written);
            assertTrue(step.ok().contains(r.status()), step.name() + " does not work before the load: " + r);
        }

        double capacity = measureCapacity(mix, written, Duration.ofSeconds(5), 8);
        double rate = Math.max(5, capacity / 2);
        System.out.printf("[load] capacity (closed loop, 8 clients, mixed): %.0f requests/s; soak at %.0f/s for %d s%n",
                capacity, rate, SOAK_SECONDS);

        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        LongAdder done = new LongAdder();
        AtomicLong maxLatencyMillis = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long periodNanos = (long) (1_000_000_000L / rate);
        ticker.scheduleAtFixedRate(() -> workers.submit(() -> {
            Step step = mix.get(Math.floorMod(next.getAndIncrement(), mix.size()));
            long start = System.nanoTime();
            try {
                JsonResponse r = send(step, written);
                if (!step.ok().contains(r.status())) {
                    errors.computeIfAbsent(step.name() + " " + r.status(), k -> new LongAdder()).increment();
                    if (firstErrors.size() < 5) {
                        firstErrors.add(step.name() + ": " + r);
                    }
                }
            } catch (RuntimeException e) {
                errors.computeIfAbsent(step.name() + " " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                if (firstErrors.size() < 5) {
                    firstErrors.add(step.name() + ": " + e);
                }
            } finally {
                maxLatencyMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                done.increment();
            }
        }), 0, periodNanos, TimeUnit.NANOSECONDS);

        // Samples after a quarter (warm: pools at their working size, JIT done), at the end, and in between.
        List<Sample> samples = new ArrayList<>();
        int quarter = Math.max(1, SOAK_SECONDS / 4);
        for (int i = 1; i <= 4; i++) {
            TimeUnit.SECONDS.sleep(i == 4 ? SOAK_SECONDS - 3L * quarter : quarter);
            samples.add(sample(operator));
            Sample now = samples.get(i - 1);
            System.out.printf("[load] soak %d/4: %d requests, threads %d (+%d Jetty request threads), heap after GC %d MiB%n",
                    i, done.sum(), now.otherThreads(), now.requestThreads(), now.heapAfterGc() >> 20);
        }
        ticker.shutdown();
        workers.shutdown();
        assertTrue(workers.awaitTermination(60, TimeUnit.SECONDS), "requests still running a minute after the soak");

        System.out.printf("[load] soak done: %d requests in %d s (%.0f/s), slowest %d ms, errors %s%n", done.sum(),
                SOAK_SECONDS, done.sum() / (double) SOAK_SECONDS, maxLatencyMillis.get(), errors);
        assertTrue(errors.isEmpty(), "errors during the soak: " + errors + " first: " + firstErrors);
        Sample warm = samples.get(0);
        Sample last = samples.get(3);
        Map<String, Integer> grown = last.growthSince(warm);
        int threadGrowth = grown.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(threadGrowth <= THREAD_GROWTH_LIMIT, "threads grew by " + threadGrowth + " during the soak: " + grown);
        assertTrue(last.requestThreads() <= JETTY_MAX_THREADS, "Jetty request threads above the pool maximum: " + last.threads());
        long heapGrowth = last.heapAfterGc() - warm.heapAfterGc();
        assertTrue(heapGrowth <= HEAP_GROWTH_LIMIT, "heap after GC grew by " + (heapGrowth >> 20) + " MiB during the soak");
        // The last acknowledged write is there: nothing acknowledged under load was lost on the way.
        JsonNode items = resident.get("/api/v1/lindeholt/buurtnieuws/items").json();
        assertTrue(items.isArray() && items.size() > 0, "news list after the soak: " + items);
        assertTrue(items.toString().contains("Belasting "), "written items missing after the soak: " + items);
    }

    @Test
    @Order(2)
    void burstFarAboveCapacityDegradesGracefully(HttpJson http) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI base = http.base();
        List<URI> targets = List.of(base.resolve("/api/v1/lindeholt/calendar/activities?" + MONTH),
                base.resolve("/lindeholt/calendar"), base.resolve("/lindeholt/"));

        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> badRefusals = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(BURST_CLIENTS);
        for (int c = 0; c < BURST_CLIENTS; c++) {
            int id = c;
            clients.submit(() -> {
                go.await();
                for (int i = 0; i < BURST_REQUESTS_PER_CLIENT; i++) {
                    URI target = targets.get((id + i) % targets.size());
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(target).timeout(CLIENT_TIMEOUT)
                                .header("Accept", "application/json, text/html").GET().build(), BodyHandlers.ofString());
                        statuses.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
                        if ((r.statusCode() == 503 || r.statusCode() == 429)
                                && r.headers().firstValue("Retry-After").isEmpty() && badRefusals.size() < 5) {
                            badRefusals.add(r.statusCode() + " without Retry-After on " + target);
                        }
                    } catch (Exception e) {
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                }
                return null;
            });
        }
        long start = System.nanoTime();
        go.countDown();
        clients.shutdown();
        assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES), "burst clients still running after 5 minutes");
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
        int total = BURST_CLIENTS * BURST_REQUESTS_PER_CLIENT;
        System.out.printf("[load] burst: %d clients x %d requests = %d in %d ms (%.0f/s); statuses %s; client failures %s%n",
                BURST_CLIENTS, BURST_REQUESTS_PER_CLIENT, total, millis, total * 1000.0 / millis, byStatus, failures);

        assertTrue(failures.isEmpty(), "requests failed on the client side (reset, time-out): " + failures);
        for (int status : byStatus.keySet()) {
            assertTrue(status == 200 || status == 429 || status == 503, "unexpected status " + status + " in " + byStatus);
        }
        assertTrue(badRefusals.isEmpty(), "refusals must say when to come back: " + badRefusals);
        assertTrue(byStatus.getOrDefault(200, 0L) > 0, "nothing was served during the burst: " + byStatus);

        // Recovery: the platform serves normally again, and the extra threads of the burst go away again.
        Eventually.within(Duration.ofSeconds(30)).until(
                () -> http.get("/api/v1/lindeholt/calendar/activities?" + MONTH).status() == 200
                        && http.get("/health").status() == 200,
                "the platform serves normally again after the burst");
    }

    private static double measureCapacity(List<Step> mix, AtomicInteger written, Duration duration, int clients)
            throws InterruptedException {
        LongAdder done = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    send(mix.get(i++ % mix.size()), written);
                    done.increment();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return done.sum() / (double) duration.toSeconds();
    }

    private static JsonResponse send(Step step, AtomicInteger written) {
        if (step.method().equals("POST")) {
            int n = written.incrementAndGet();
            return step.as().post(step.path(), Map.of("title", "Belasting " + n, "body", "Bericht " + n + " van de duurtest."));
        }
        return step.as().get(step.path());
    }

    /** Heap used right after a full GC of the platform process, and its threads by kind. */
    private static Sample sample(HttpJson operator) throws Exception {
        jcmd("GC.run");
        long heap = operator.get("/api/v1/platform/runtime").json().get("heapUsedBytes").asLong();
        Map<String, Integer> threads = new TreeMap<>();
        for (String line : jcmd("Thread.print").split("\n")) {
            if (line.startsWith("\"")) {
                String name = line.substring(1, line.indexOf('"', 1));
                threads.merge(name.replaceAll("[0-9]+", "#"), 1, Integer::sum);
            }
        }
        return new Sample(heap, threads);
    }

    /**
     * A sample of the platform: heap after GC and the number of live threads per name pattern (digits replaced by #).
     * Jetty's request threads ({@code qtp#-#}) grow and shrink with the load by design, up to the pool's maximum; they
     * are counted apart from the rest, which must stay put.
     */
    record Sample(long heapAfterGc, Map<String, Integer> threads) {
        int requestThreads() {
            return threads.entrySet().stream().filter(e -> e.getKey().startsWith("qtp")).mapToInt(Map.Entry::getValue).sum();
        }

        int otherThreads() {
            return threads.values().stream().mapToInt(Integer::intValue).sum() - requestThreads();
        }

        /** The thread kinds that are more numerous than in {@code earlier}, with the growth. */
        Map<String, Integer> growthSince(Sample earlier) {
            Map<String, Integer> grown = new TreeMap<>();
            threads.forEach((name, n) -> {
                int before = earlier.threads().getOrDefault(name, 0);
                if (n > before && !name.startsWith("qtp")) {
                    grown.put(name, n - before);
                }
            });
            return grown;
        }
    }

    private static String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder(JCMD, Long.toString(platform.pid()), command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jcmd " + command + " did not finish");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static HttpJson signedIn(HttpJson http, String username, String password) {
        JsonResponse r = http.post("/api/v1/auth/token", Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r);
        }
        return http.withBearer(r.json().get("token").asText());
    }
}
