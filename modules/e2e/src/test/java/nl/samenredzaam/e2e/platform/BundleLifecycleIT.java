package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
 * The operator installs, updates and uninstalls a module while the platform serves: no other
 * bundle restarts, data survives uninstall and reinstall, a bundle that cannot resolve is refused
 * with the reason and changes nothing, and a module that fails to start is isolated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleLifecycleIT {

    static final String HELLO = "nl.samenredzaam.fixture.hello";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("bundle-lifecycle").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    static HttpJson operator;
    static HttpJson beheerder;

    @BeforeAll
    static void signIn() {
        operator = Fixtures.operator(platform.http());
        beheerder = Fixtures.signedIn(platform.http(), "beheerder", Fixtures.DEMO_PASSWORD);
    }

    static JsonResponse upload(byte[] jar) {
        return operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(jar), "application/java-archive");
    }

    static Map<String, Integer> starts() {
        Map<String, Integer> starts = new HashMap<>();
        for (JsonNode b : operator.get("/api/v1/platform/bundles").json()) {
            starts.put(b.get("symbolicName").asText(), b.get("starts").asInt());
        }
        return starts;
    }

    @Test
    @Order(1)
    void installEnableUseUpdateAndUninstallWhileServing(HttpJson http) {
        Map<String, Integer> before = starts();
        JsonResponse installed = upload(Fixtures.hello());
        assertEquals(201, installed.status(), installed.toString());
        assertEquals("ACTIVE", installed.json().get("state").asText());
        assertEquals("hello", installed.json().get("moduleId").asText());

        // (the demo initiative switches every module on as it arrives; a normal initiative does not)
        operator.post("/api/v1/platform/initiatives", Map.of("slug", "vlist", "name", "Zorgzaam Vlist"));
        assertEquals(404, http.get("/api/v1/vlist/hello/greetings").status(), "installed, not yet enabled");
        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true)).status());
        assertEquals(201, beheerder.post("/api/v1/lindeholt/hello/greetings", Map.of("text", "Goedemorgen")).status());
        JsonResponse v1 = http.get("/api/v1/lindeholt/hello/greetings");
        assertEquals(200, v1.status());
        assertTrue(v1.body().contains("Goedemorgen"));

        JsonResponse updated = upload(Fixtures.withVersion(Fixtures.hello(), "0.2.0"));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("0.2.0", updated.json().get("version").asText());
        JsonResponse v2 = http.get("/api/v1/lindeholt/hello/greetings");
        assertEquals("0.2.0", v2.json().get("version").asText(), "the update serves on the next request");
        assertTrue(v2.body().contains("Goedemorgen"), "data survives the update");

        Map<String, Integer> after = starts();
        for (String bsn : new String[] {"nl.samenredzaam.web", "nl.samenredzaam.identity", "nl.samenredzaam.core",
                "nl.samenredzaam.buurtnieuws", "org.apache.felix.http.jetty12"}) {
            assertEquals(before.get(bsn), after.get(bsn), bsn + " was not restarted by installing or updating another bundle");
        }

        assertEquals(204, operator.delete("/api/v1/platform/bundles/" + HELLO).status());
        assertEquals(404, operator.get("/api/v1/platform/bundles/" + HELLO).status());
        assertEquals(404, http.get("/api/v1/lindeholt/hello/greetings").status(), "uninstalled: gone");
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status(), "other modules keep serving");

        assertEquals(201, upload(Fixtures.hello()).status());
        JsonResponse again = http.get("/api/v1/lindeholt/hello/greetings");
        assertEquals(200, again.status(), "reinstalled and still enabled");
        assertTrue(again.body().contains("Goedemorgen"), "uninstall kept the module's data");
    }

    @Test
    @Order(2)
    void anUnresolvableBundleIsRefusedWithTheReasonAndChangesNothing() {
        int bundlesBefore = operator.get("/api/v1/platform/bundles").json().size();
        byte[] broken = Fixtures.needingMissingPackage(Fixtures.withVersion(Fixtures.hello(), "0.3.0"), "com.example.missing");
        JsonResponse refused = upload(broken);
        assertEquals(422, refused.status(), refused.toString());
        String detail = refused.json().get("detail").asText();
        assertTrue(detail.contains("com.example.missing"), detail);
        assertTrue(detail.contains("Java-pakket"), "said in plain words: " + detail);
        assertEquals(bundlesBefore, operator.get("/api/v1/platform/bundles").json().size());
        assertFalse(operator.get("/api/v1/platform/bundles/" + HELLO).body().contains("0.3.0"), "the installed version is untouched");
    }

    @Test
    @Order(2)
    void aModuleIdThatIsThePlatformsOwnOrAnothersIsRefusedBeforeAnythingChanges() {
        int bundlesBefore = operator.get("/api/v1/platform/bundles").json().size();
        for (String reserved : new String[] {"audit", "beheer", "privacy", "theme", "consents"}) {
            JsonResponse refused = upload(Fixtures.asModule(Fixtures.hello(), "com.example.clash." + reserved, reserved));
            assertEquals(422, refused.status(), reserved + ": " + refused);
            assertTrue(refused.json().get("detail").asText().contains("'" + reserved + "'"), refused.toString());
        }
        JsonResponse badId = upload(Fixtures.asModule(Fixtures.hello(), "com.example.clash.bad", "Hello World"));
        assertEquals(422, badId.status(), badId.toString());
        JsonResponse taken = upload(Fixtures.asModule(Fixtures.hello(), "com.example.clash.calendar", "calendar"));
        assertEquals(409, taken.status(), "calendar belongs to the calendar bundle: " + taken);
        assertEquals(bundlesBefore, operator.get("/api/v1/platform/bundles").json().size(), "nothing was installed");
    }

    @Test
    @Order(3)
    void notABundleIsABadRequestAndPlatformBundlesCannotBeReplaced() {
        JsonResponse notJar = operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofString("hello"), "application/java-archive");
        assertEquals(400, notJar.status(), notJar.toString());
        assertEquals(409, operator.delete("/api/v1/platform/bundles/nl.samenredzaam.core").status());
        assertEquals(403, beheerder.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(Fixtures.hello()),
                "application/java-archive").status(), "only operators install bundles");
    }

    @Test
    @Order(4)
    void aModuleThatFailsToStartIsShownAsFailedAndIsolated(HttpJson http) throws Exception {
        JsonResponse refused = upload(Fixtures.faulty());
        assertEquals(422, refused.status(), "an upload that cannot start is refused: " + refused);
        assertTrue(refused.json().get("detail").asText().contains("faulty module refuses to start"), refused.toString());

        // Dropped into the deploy folder instead, it is installed anyway and shown as failed.
        Path deploy = platform.dataDir().resolve("deploy");
        Files.createDirectories(deploy);
        Path tmp = Files.write(deploy.resolve("faulty.tmp"), Fixtures.faulty());
        Files.move(tmp, deploy.resolve("faulty.jar"));
        // FAILED at once (started, no module service); the reason appears once Declarative Services tried to activate it
        Eventually.within(Duration.ofSeconds(30)).until(() -> state("faulty").equals("FAILED")
                && module("faulty").get("problem").asText().contains("faulty module refuses to start"),
                () -> "faulty module shown as FAILED with its reason: " + module("faulty"));

        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/faulty", Map.of("enabled", true)).status());
        assertEquals(503, http.get("/lindeholt/faulty").status(), "enabled but failed: 503 for its pages");
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status(), "other modules keep serving");
        assertEquals(200, http.get("/lindeholt/").status(), "the initiative keeps serving");
        assertEquals(200, http.get("/health").status());
        Files.delete(deploy.resolve("faulty.jar"));
        Eventually.within(Duration.ofSeconds(30)).until(() -> module("faulty") == null, "faulty module gone with its jar");
    }

    @Test
    @Order(5)
    void purgingAnUninstalledModuleDeletesItsDataAfterConfirmation(HttpJson http) {
        if (operator.get("/api/v1/platform/bundles/" + HELLO).status() == 404) {
            assertEquals(201, upload(Fixtures.hello()).status());
        }
        operator.post("/api/v1/platform/initiatives", Map.of("slug", "vlist", "name", "Zorgzaam Vlist"));
        assertEquals(200, operator.put("/api/v1/vlist/modules/hello", Map.of("enabled", true)).status());
        beheerder.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true));
        assertEquals(201, beheerder.post("/api/v1/lindeholt/hello/greetings", Map.of("text", "Tot ziens")).status());

        assertEquals(409, operator.post("/api/v1/platform/modules/hello/purge", Map.of("confirm", "hello")).status(),
                "no purge while the module is installed");
        assertEquals(204, operator.delete("/api/v1/platform/bundles/" + HELLO).status());
        JsonResponse unconfirmed = operator.post("/api/v1/platform/modules/hello/purge", Map.of("confirm", "hallo"));
        assertEquals(400, unconfirmed.status());
        assertTrue(unconfirmed.json().get("errors").has("confirm"));
        assertEquals(403, beheerder.post("/api/v1/platform/modules/hello/purge", Map.of("confirm", "hello")).status());

        JsonResponse purged = operator.post("/api/v1/platform/modules/hello/purge", Map.of("confirm", "hello"));
        assertEquals(200, purged.status(), purged.toString());
        assertTrue(purged.body().contains("hello_greeting"), purged.body());
        assertEquals(400, operator.post("/api/v1/platform/modules/platform/purge", Map.of("confirm", "platform")).status(),
                "the platform's own tables are never purged");

        assertEquals(201, upload(Fixtures.hello()).status());
        assertEquals(404, http.get("/api/v1/vlist/hello/greetings").status(), "the switch was purged too: off again");
        beheerder.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true));
        JsonResponse fresh = http.get("/api/v1/lindeholt/hello/greetings");
        assertEquals(200, fresh.status());
        assertEquals(0, fresh.json().get("greetings").size(), "reinstalled on an empty table: " + fresh.body());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status(), "other modules' data untouched");
    }

    static JsonNode module(String id) {
        for (JsonNode m : operator.get("/api/v1/platform/modules").json()) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        return null;
    }

    static String state(String id) {
        JsonNode m = module(id);
        return m == null ? "" : m.get("state").asText();
    }
}
