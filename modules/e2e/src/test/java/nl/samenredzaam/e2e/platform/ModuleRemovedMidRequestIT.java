package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * A request that is still running in a module while the operator uninstalls or updates that module
 * ends cleanly (its own answer or a 503 problem, never a hang or a 500), and the next request gets
 * 404 (uninstalled) or the new version (updated). The hello fixture's {@code /slow} route waits until
 * its module stops, then reads the database and answers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleRemovedMidRequestIT {

    static final String HELLO = "nl.samenredzaam.fixture.hello";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("removed-mid-request").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    static HttpJson operator;

    @BeforeAll
    static void signIn() {
        operator = Fixtures.operator(platform.http());
    }

    static JsonResponse upload(byte[] jar) {
        return operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(jar), "application/java-archive");
    }

    /** Starts a slow request and returns once it is running inside the module. */
    static CompletableFuture<JsonResponse> slowRequestInFlight(HttpJson http) {
        CompletableFuture<JsonResponse> answer = CompletableFuture.supplyAsync(() -> http.get("/api/v1/lindeholt/hello/slow"));
        Eventually.within(Duration.ofSeconds(20)).until(
                () -> http.get("/api/v1/lindeholt/hello/waiting").json().get("waiting").asInt() == 1, "slow request is in the module");
        return answer;
    }

    static void assertEndedCleanly(JsonResponse r) {
        System.out.println("[reliability] in-flight request answered " + r.status() + ": " + r.body());
        assertTrue(r.status() == 200 || r.status() == 503, "its own answer or 503, never a 500: " + r);
        if (r.status() == 503) {
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.toString());
        }
    }

    @Test
    @Order(1)
    void uninstallWhileARequestRuns(HttpJson http) throws Exception {
        assertEquals(201, upload(Fixtures.hello()).status());
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true)).status());
        CompletableFuture<JsonResponse> inFlight = slowRequestInFlight(http);

        assertEquals(204, operator.delete("/api/v1/platform/bundles/" + HELLO).status(), "the uninstall does not wait for the request");
        assertEndedCleanly(inFlight.get(20, TimeUnit.SECONDS));
        assertEquals(404, http.get("/api/v1/lindeholt/hello/greetings").status(), "the next request: gone");
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
        assertEquals(200, http.get("/health").status());
    }

    @Test
    @Order(2)
    void updateWhileARequestRuns(HttpJson http) throws Exception {
        assertEquals(201, upload(Fixtures.hello()).status());
        CompletableFuture<JsonResponse> inFlight = slowRequestInFlight(http);

        JsonResponse updated = upload(Fixtures.withVersion(Fixtures.hello(), "0.2.0"));
        assertEquals(200, updated.status(), updated.toString());
        JsonResponse old = inFlight.get(20, TimeUnit.SECONDS);
        assertEndedCleanly(old);
        JsonResponse next = http.get("/api/v1/lindeholt/hello/greetings");
        assertEquals(200, next.status(), next.toString());
        assertEquals("0.2.0", next.json().get("version").asText(), "the next request gets the new version");
        assertEquals(200, http.get("/health").status());
    }
}
