package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Switching a module 100 times and updating its bundle 100 times leaves no threads and no old
 * bundle revisions (class loaders) behind.
 */
class NoLeaksIT {

    static final int ROUNDS = 100;

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("no-leaks").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    @Test
    void togglingAndUpdatingLeavesNothingBehind(HttpJson http) {
        HttpJson operator = Fixtures.operator(http);
        HttpJson beheerder = Fixtures.signedIn(http, "beheerder", Fixtures.DEMO_PASSWORD);
        byte[] hello = Fixtures.hello();
        assertEquals(201, upload(operator, Fixtures.withVersion(hello, "1.0.0")).status());
        beheerder.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true));
        // warm up: thread pools reach their working size
        for (int i = 1; i <= 5; i++) {
            cycle(operator, beheerder, http, hello, "1.0." + i);
        }
        JsonNode before = operator.get("/api/v1/platform/runtime").json();

        for (int i = 1; i <= ROUNDS; i++) {
            cycle(operator, beheerder, http, hello, "2.0." + i);
        }

        JsonNode after = operator.get("/api/v1/platform/runtime").json();
        assertEquals(after.get("bundles").asInt(), after.get("bundleRevisions").asInt(),
                "every bundle has one revision: no old class loader is held " + after);
        assertEquals(0, after.get("removalPending").asInt(), after.toString());
        int threadGrowth = after.get("liveThreads").asInt() - before.get("liveThreads").asInt();
        assertTrue(threadGrowth <= 3, "threads grew by " + threadGrowth + " over " + ROUNDS + " rounds: " + before + " -> " + after);
        assertEquals("2.0." + ROUNDS, http.get("/api/v1/lindeholt/hello/greetings").json().get("version").asText());
    }

    private static void cycle(HttpJson operator, HttpJson beheerder, HttpJson http, byte[] hello, String version) {
        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", false)).status());
        assertEquals(404, http.get("/api/v1/lindeholt/hello/greetings").status());
        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true)).status());
        JsonResponse updated = upload(operator, Fixtures.withVersion(hello, version));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals(200, http.get("/api/v1/lindeholt/hello/greetings").status());
    }

    private static JsonResponse upload(HttpJson operator, byte[] jar) {
        return operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(jar), "application/java-archive");
    }
}
