package nl.samenredzaam.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * PostgreSQL stops while the platform runs: {@code /health} and the API answer 503 problem+json quickly (no
 * hang, no 500), a write refused during the outage is not half-stored, and once PostgreSQL is back on the same
 * data directory and port the platform serves again without a restart, with every write it acknowledged before.
 */
class DatabaseOutageIT {

    /** Hikari waits 5 s for a connection; anything near the 30 s client timeout is a hang. */
    static final Duration QUICK = Duration.ofSeconds(12);
    /** Time for the pool to notice PostgreSQL is back (it retries in the background). */
    static final Duration RECOVERY = Duration.ofSeconds(60);

    static Path pgData;
    static int pgPort;
    static EmbeddedPostgres postgres;
    static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        pgData = Reliability.target("outage-pg");
        postgres = Reliability.freshPostgres(pgData);
        pgPort = postgres.getPort();
        platform = Reliability.onPostgres("database-outage", postgres).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aDatabaseOutageGives503sAndThePlatformRecoversWithoutARestart() throws Exception {
        HttpJson beheerder = Reliability.beheerderWithBuurtnieuws(platform.http());
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            JsonResponse r = beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                    Map.of("title", "Voor de storing " + i, "body", "Bevestigd opgeslagen."));
            assertEquals(201, r.status(), r.toString());
            acknowledged.add(r.header("Location").orElseThrow());
        }
        long pid = platform.pid();

        postgres.close();
        postgres = null;

        Timed health = timed(() -> platform.http().get("/health"));
        assertEquals(503, health.response.status(), health.response.toString());
        assertTrue(health.response.body().contains("\"database\":\"DOWN\""), health.response.toString());
        assertTrue(health.took.compareTo(QUICK) < 0, "/health answered in " + health.took.toMillis() + " ms");

        Timed write = timed(() -> beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                Map.of("title", "Tijdens de storing", "body", "Mag niet half bewaard worden.")));
        assertProblem503(write, "POST during the outage");
        Timed read = timed(() -> beheerder.get("/api/v1/lindeholt/buurtnieuws/items"));
        assertProblem503(read, "GET during the outage");
        Timed anonymous = timed(() -> platform.http().newSession().get("/api/v1/lindeholt/buurtnieuws/items"));
        assertProblem503(anonymous, "anonymous GET during the outage");
        System.out.printf("[reliability] outage: /health %d ms, POST %d (%d ms), GET %d (%d ms), anonymous GET %d (%d ms)%n",
                health.took.toMillis(), write.response.status(), write.took.toMillis(), read.response.status(),
                read.took.toMillis(), anonymous.response.status(), anonymous.took.toMillis());

        postgres = Reliability.postgres(pgData, pgPort);
        long back = System.nanoTime();
        Eventually.within(RECOVERY).polling(Duration.ofMillis(200))
                .until(() -> platform.http().get("/health").status() == 200, "/health is 200 again");
        Eventually.within(RECOVERY).polling(Duration.ofMillis(200))
                .until(() -> beheerder.get("/api/v1/lindeholt/buurtnieuws/items").status() == 200,
                        "the API serves again with the same token");
        System.out.printf("[reliability] outage: serving again %d ms after PostgreSQL restarted%n",
                (System.nanoTime() - back) / 1_000_000);
        assertEquals(pid, platform.pid(), "no restart of the platform");
        assertTrue(platform.isRunning());

        for (String location : acknowledged) {
            JsonResponse item = beheerder.get(location);
            assertEquals(200, item.status(), location + " was acknowledged before the outage: " + item);
        }
        String list = beheerder.get("/api/v1/lindeholt/buurtnieuws/items").body();
        assertFalse(list.contains("Tijdens de storing"), "the write refused with 503 is not stored");
        JsonResponse after = beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                Map.of("title", "Na de storing", "body", "Werkt weer."));
        assertEquals(201, after.status(), after.toString());
    }

    /** The strict form of the answers above: every API call during an outage is a 503, never a 500. */
    @Test
    void everyApiCallDuringAnOutageIs503() throws Exception {
        HttpJson beheerder = Reliability.beheerderWithBuurtnieuws(platform.http());
        postgres.close();
        postgres = null;
        try {
            JsonResponse first = beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                    Map.of("title", "Eerste na de stop", "body", "Moet 503 krijgen."));
            assertEquals(503, first.status(), first.toString());
        } finally {
            postgres = Reliability.postgres(pgData, pgPort);
            Eventually.within(RECOVERY).polling(Duration.ofMillis(200))
                    .until(() -> platform.http().get("/health").status() == 200, "/health is 200 again");
        }
    }

    private static void assertProblem503(Timed t, String what) {
        assertTrue(t.response.status() == 503, what + ": " + t.response);
        assertTrue(t.response.contentType().startsWith("application/problem+json"), what + ": " + t.response.contentType());
        assertTrue(t.took.compareTo(QUICK) < 0, what + " answered in " + t.took.toMillis() + " ms");
    }

    private record Timed(JsonResponse response, Duration took) {
    }

    private static Timed timed(Supplier<JsonResponse> call) {
        long start = System.nanoTime();
        JsonResponse r = call.get();
        return new Timed(r, Duration.ofNanos(System.nanoTime() - start));
    }
}
