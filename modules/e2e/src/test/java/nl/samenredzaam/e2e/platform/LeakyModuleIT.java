package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
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
 * A module that starts a thread in activation and never stops it is caught when its bundle stops
 * (here: by an update and an uninstall): the leaked thread is named in the bundle's problem, in the
 * runtime figures and in the log, and the platform keeps serving. A module without threads (hello)
 * updated just before is not reported: the detector does not flag everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeakyModuleIT {

    static final String LEAKY = "nl.samenredzaam.fixture.leaky";
    static final String HELLO = "nl.samenredzaam.fixture.hello";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("leaky-module").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    static HttpJson operator;

    @BeforeAll
    static void signIn() {
        operator = Fixtures.operator(platform.http());
    }

    static JsonResponse upload(byte[] jar) {
        return operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(jar), "application/java-archive");
    }

    static String problem(String bsn) {
        JsonNode p = operator.get("/api/v1/platform/bundles/" + bsn).json().get("problem");
        return p == null || p.isNull() ? "" : p.asText();
    }

    static String leaks() {
        return operator.get("/api/v1/platform/runtime").json().get("leakedThreads").toString();
    }

    @Test
    @Order(1)
    void aThreadLeftRunningByAnUpdatedModuleIsReportedAndThePlatformKeepsServing(HttpJson http) {
        assertEquals(201, upload(Fixtures.hello()).status());
        JsonResponse installed = upload(Fixtures.leaky());
        assertEquals(201, installed.status(), installed.toString());
        assertEquals("ACTIVE", installed.json().get("state").asText());
        assertEquals("", problem(LEAKY), "no leak while it runs");
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/leaky", Map.of("enabled", true)).status());
        assertEquals(200, http.get("/api/v1/lindeholt/leaky/ping").status());

        // hello (no threads of its own) is updated first; its check ends before leaky's (same grace, earlier)
        assertEquals(200, upload(Fixtures.withVersion(Fixtures.hello(), "0.2.0")).status());
        assertEquals(200, upload(Fixtures.withVersion(Fixtures.leaky(), "0.2.0")).status());

        Eventually.within(Duration.ofSeconds(20)).until(() -> problem(LEAKY).contains("leaky-poller"),
                () -> "leak of the old revision reported: " + operator.get("/api/v1/platform/bundles/" + LEAKY));
        String problem = problem(LEAKY);
        assertTrue(problem.contains("na het stoppen nog door") && problem.contains("kept running after it stopped"), problem);
        assertTrue(leaks().contains(LEAKY) && leaks().contains("leaky-poller"), leaks());
        assertFalse(leaks().contains(HELLO), "hello stopped cleanly: " + leaks());
        assertEquals("", problem(HELLO), "no leak reported for hello");
        assertTrue(platform.log().contains("kept running"), "the leak is in the log");

        assertEquals(200, http.get("/api/v1/lindeholt/leaky/ping").status(), "the new version serves");
        assertEquals(200, http.get("/health").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
    }

    @Test
    @Order(2)
    void anUninstalledLeakyModuleStaysVisibleInTheRuntimeFigures(HttpJson http) {
        assertEquals(204, operator.delete("/api/v1/platform/bundles/" + LEAKY).status());
        Eventually.within(Duration.ofSeconds(20)).until(() -> leaks().split("leaky-poller", -1).length - 1 >= 2,
                () -> "both revisions' threads reported: " + leaks());
        assertEquals(404, http.get("/api/v1/lindeholt/leaky/ping").status());
        assertEquals(200, http.get("/health").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
    }
}
