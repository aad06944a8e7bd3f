package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * A module whose activation never returns (the fixture even ignores interrupts) is isolated: its
 * upload answers within the start time-out, it is shown as failed with "start duurde langer dan N s",
 * every other module, initiative and bundle operation keeps working, and a platform restarted with
 * it installed serves, with the bundles restored after it running too.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlockingModuleIT {

    static final String BLOCKING = "nl.samenredzaam.fixture.blocking";
    /** Blocks in its BundleActivator instead: the bundle stays STARTING, its lock held. */
    static final String ACTIVATOR = "nl.samenredzaam.fixture.blockingactivator";
    static final String HELLO = "nl.samenredzaam.fixture.hello";
    static final int TIMEOUT_SECONDS = 3;
    static final String STUCK = "Start duurde langer dan " + TIMEOUT_SECONDS + " s";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("blocking-module").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD)
            .env("SAMENREDZAAM_BUNDLE_START_TIMEOUT", Integer.toString(TIMEOUT_SECONDS)).build();

    static HttpJson operator;

    @BeforeAll
    static void signIn() {
        operator = Fixtures.operator(platform.http());
    }

    static JsonResponse upload(HttpJson client, byte[] jar) {
        return client.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(jar), "application/java-archive");
    }

    @Test
    @Order(1)
    void anUploadThatNeverFinishesStartingAnswersAndIsShownAsFailed(HttpJson http) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<JsonResponse> uploading = CompletableFuture.supplyAsync(() -> upload(operator, Fixtures.blocking()));
        // while the module hangs in its activation, the platform serves
        assertEquals(200, http.get("/health").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
        JsonResponse refused = uploading.get(25, TimeUnit.SECONDS); // the HTTP client itself gives up after 30 s
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        System.out.println("[reliability] upload of a blocking module answered " + refused.status() + " after " + seconds
                + " s (time-out " + TIMEOUT_SECONDS + " s, measured under load)");
        assertEquals(422, refused.status(), refused.toString());
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"), refused.toString());
        assertTrue(refused.json().get("detail").asText().contains(STUCK), refused.toString());

        JsonResponse bundle = operator.get("/api/v1/platform/bundles/" + BLOCKING);
        assertEquals(200, bundle.status(), bundle.toString());
        assertTrue(bundle.json().get("problem").asText().contains(STUCK), bundle.toString());
        JsonNode module = module("blocking");
        assertNotNull(module, "the module is listed");
        assertEquals("FAILED", module.get("state").asText(), module.toString());
        assertTrue(module.get("problem").asText().contains(STUCK), module.toString());

        // enabled for an initiative it answers 503; everything else keeps serving
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/blocking", Map.of("enabled", true)).status());
        assertEquals(503, http.get("/lindeholt/blocking").status());
        assertEquals(200, http.get("/lindeholt/").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());

        // the same for a bundle whose activator never returns
        JsonResponse activator = upload(operator, Fixtures.blockingActivator());
        assertEquals(422, activator.status(), activator.toString());
        assertTrue(activator.json().get("detail").asText().contains(STUCK), activator.toString());
        JsonResponse stuckBundle = operator.get("/api/v1/platform/bundles/" + ACTIVATOR);
        assertEquals("STARTING", stuckBundle.json().get("state").asText(), stuckBundle.toString());
        assertTrue(stuckBundle.json().get("problem").asText().contains(STUCK), stuckBundle.toString());

        // the framework is not locked: another bundle installs, starts and serves
        JsonResponse hello = upload(operator, Fixtures.hello());
        assertEquals(201, hello.status(), hello.toString());
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true)).status());
        assertEquals(200, http.get("/api/v1/lindeholt/hello/greetings").status());
    }

    @Test
    @Order(2)
    void aPlatformRestartedWithTheBlockingModuleInstalledServes(HttpJson http) {
        platform.restart(); // start() waits until /health answers 200
        operator = Fixtures.operator(platform.http());
        assertEquals(200, http.get("/health").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status(), "built-in modules serve");
        assertEquals(200, http.get("/lindeholt/").status());
        // hello was restored after the blocking bundle (stored later) and still starts
        nl.samenredzaam.testing.Eventually.within(java.time.Duration.ofSeconds(30)).until(
                () -> http.get("/api/v1/lindeholt/hello/greetings").status() == 200, "hello restored and serving");
        nl.samenredzaam.testing.Eventually.within(java.time.Duration.ofSeconds(30)).until(
                () -> operator.get("/api/v1/platform/bundles/" + BLOCKING).body().contains(STUCK),
                () -> "blocking module shown as stuck after the restart: " + operator.get("/api/v1/platform/bundles/" + BLOCKING));
        assertEquals(503, http.get("/lindeholt/blocking").status());
        nl.samenredzaam.testing.Eventually.within(java.time.Duration.ofSeconds(30)).until(
                () -> operator.get("/api/v1/platform/bundles/" + ACTIVATOR).body().contains(STUCK),
                () -> "blocking activator shown as stuck after the restart: " + operator.get("/api/v1/platform/bundles/" + ACTIVATOR));
    }

    @Test
    @Order(3)
    void removingAStuckBundleSaysItNeedsARestart(HttpJson http) {
        for (String bsn : new String[] {BLOCKING, ACTIVATOR}) {
            JsonResponse removed = operator.delete("/api/v1/platform/bundles/" + bsn);
            assertEquals(409, removed.status(), removed.toString());
            assertTrue(removed.json().get("detail").asText().contains("herstart"), removed.toString());
        }
        assertEquals(200, http.get("/api/v1/lindeholt/hello/greetings").status(), "the rest keeps serving");
    }

    /**
     * Open finding: the removal above deletes the stored jars ("removed from the stored bundles (1 row)"
     * in the log), but when the platform then stops uncleanly (the shutdown waits for the stuck bundles
     * and the JVM exits after 20 s) after a session that itself began after an unclean stop, the rows
     * can be back in the H2 file at the next start. See docs/reliability.md (BlockingModuleIT).
     */
    @Test
    @Order(4)
    @org.junit.jupiter.api.Disabled("open finding: deleted rows can come back on H2 after two unclean stops in a row")
    void aRemovedStuckBundleIsGoneAfterARestart(HttpJson http) {
        platform.restart();
        operator = Fixtures.operator(platform.http());
        assertEquals(404, operator.get("/api/v1/platform/bundles/" + BLOCKING).status(), "gone after the restart");
        assertEquals(404, operator.get("/api/v1/platform/bundles/" + ACTIVATOR).status(), "gone after the restart");
        assertEquals(200, http.get("/api/v1/lindeholt/hello/greetings").status());
        assertFalse(operator.get("/api/v1/platform/modules").body().contains("\"blocking\""));
    }

    static JsonNode module(String id) {
        for (JsonNode m : operator.get("/api/v1/platform/modules").json()) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
