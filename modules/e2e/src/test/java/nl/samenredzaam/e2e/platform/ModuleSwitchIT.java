package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The module switchboard per initiative: a disabled module answers 404 for that initiative only,
 * its data stays, and enabling brings it back — on the very next request. And no initiative ever
 * sees another's data.
 */
class ModuleSwitchIT {

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("module-switch").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    static HttpJson operator;
    static HttpJson beheerder;

    @BeforeAll
    static void signIn() {
        HttpJson http = platform.http();
        operator = Fixtures.operator(http);
        beheerder = Fixtures.signedIn(http, "beheerder", Fixtures.DEMO_PASSWORD);
        JsonResponse created = operator.post("/api/v1/platform/initiatives", Map.of("slug", "zandhoven", "name", "Buurtzorg Zandhoven"));
        assertEquals(201, created.status(), created.toString());
    }

    @Test
    void aNewInitiativeGetsNoPresetOffering(HttpJson http) {
        assertEquals(201, operator.post("/api/v1/platform/initiatives", Map.of("slug", "brummen", "name", "Zorgcoöperatie Brummen")).status());
        JsonResponse modules = operator.get("/api/v1/brummen/modules");
        assertEquals(200, modules.status());
        for (JsonNode m : modules.json()) {
            assertFalse(m.get("enabled").asBoolean(), "nothing is switched on for a new initiative: " + m);
        }
        assertEquals(404, http.get("/brummen/buurtnieuws").status());
        assertEquals(404, http.get("/api/v1/brummen/buurtnieuws/items").status());
    }

    @Test
    void disablingHidesTheModuleForThatInitiativeOnlyAndKeepsItsData(HttpJson http) {
        assertEquals(200, operator.put("/api/v1/zandhoven/modules/buurtnieuws", Map.of("enabled", true)).status());
        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true)).status());
        JsonResponse posted = beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                Map.of("title", "Fietstocht zaterdag", "body", "We vertrekken om 10 uur bij het dorpshuis."));
        assertEquals(201, posted.status(), posted.toString());
        long id = posted.json().get("id").asLong();

        JsonResponse off = beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", false));
        assertEquals(200, off.status());
        assertFalse(off.json().get("enabled").asBoolean());
        assertEquals(404, http.get("/api/v1/lindeholt/buurtnieuws/items").status(), "disabled: API gone on the next request");
        assertEquals(404, http.get("/lindeholt/buurtnieuws").status(), "disabled: page gone");
        assertFalse(http.get("/lindeholt/").body().contains("/lindeholt/buurtnieuws"), "disabled: not in the menu");
        assertEquals(200, http.get("/api/v1/zandhoven/buurtnieuws/items").status(), "the other initiative keeps it");

        assertEquals(200, beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true)).status());
        JsonResponse back = http.get("/api/v1/lindeholt/buurtnieuws/items/" + id);
        assertEquals(200, back.status(), "enabled again: the data is still there");
        assertEquals("Fietstocht zaterdag", back.json().get("title").asText());
        assertTrue(http.get("/lindeholt/").body().contains("/lindeholt/buurtnieuws"), "back in the menu");
    }

    @Test
    void oneInitiativeNeverSeesOrChangesAnothersData(HttpJson http) {
        operator.put("/api/v1/zandhoven/modules/buurtnieuws", Map.of("enabled", true));
        beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true));
        JsonResponse posted = beheerder.post("/api/v1/lindeholt/buurtnieuws/items",
                Map.of("title", "Alleen voor Lindeholt", "body", "Dit bericht hoort bij Lindeholt."));
        long id = posted.json().get("id").asLong();

        assertEquals(404, http.get("/api/v1/zandhoven/buurtnieuws/items/" + id).status(), "another initiative's id is not found");
        assertFalse(http.get("/api/v1/zandhoven/buurtnieuws/items").body().contains("Alleen voor Lindeholt"));
        assertFalse(http.get("/zandhoven/buurtnieuws").body().contains("Alleen voor Lindeholt"));

        JsonResponse foreignWrite = beheerder.post("/api/v1/zandhoven/buurtnieuws/items", Map.of("title", "Inbraak", "body", "Mag niet."));
        assertEquals(403, foreignWrite.status(), "an admin of Lindeholt has no rights in Zandhoven");
        assertEquals(403, beheerder.put("/api/v1/zandhoven/buurtnieuws/items/" + id, Map.of("title", "x", "body", "y")).status(),
                "changing Lindeholt's item through Zandhoven is refused");
        HttpJson zandhovenAdmin = operator; // operators have no care rights either
        assertEquals(403, zandhovenAdmin.delete("/api/v1/zandhoven/buurtnieuws/items/" + id).status());
        assertEquals("Alleen voor Lindeholt", http.get("/api/v1/lindeholt/buurtnieuws/items/" + id).json().get("title").asText());
    }

    @Test
    void unknownModulesAndInitiativesAre404() {
        assertEquals(404, operator.put("/api/v1/lindeholt/modules/no-such-module", Map.of("enabled", true)).status());
        assertEquals(404, operator.get("/api/v1/nowhere/modules").status());
        assertEquals(404, operator.get("/api/v1/lindeholt/no-such-module/items").status());
    }

    @Test
    void moduleListShowsStateVersionAndSwitch() {
        JsonResponse modules = beheerder.get("/api/v1/lindeholt/modules");
        JsonNode news = null;
        for (JsonNode m : modules.json()) {
            if (m.get("id").asText().equals("buurtnieuws")) {
                news = m;
            }
        }
        assertTrue(news != null, modules.body());
        assertEquals("ACTIVE", news.get("state").asText());
        assertTrue(news.get("version").asText().startsWith("0."));
        assertEquals("Buurtnieuws", news.get("name").get("nl").asText());
        assertTrue(news.has("enabled"));
    }

    @Test
    void settingsPerInitiative() {
        operator.put("/api/v1/zandhoven/modules/buurtnieuws", Map.of("enabled", true));
        assertEquals("20", operator.get("/api/v1/zandhoven/modules/buurtnieuws/settings").json().get("page-size").asText());
        assertEquals(200, operator.put("/api/v1/zandhoven/modules/buurtnieuws/settings", Map.of("page-size", "5")).status());
        assertEquals("5", operator.get("/api/v1/zandhoven/modules/buurtnieuws/settings").json().get("page-size").asText());
        assertEquals("20", beheerder.get("/api/v1/lindeholt/modules/buurtnieuws/settings").json().get("page-size").asText(),
                "another initiative keeps its own value");
        JsonResponse unknown = operator.put("/api/v1/zandhoven/modules/buurtnieuws/settings", Map.of("colour", "red"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().get("errors").has("colour"));
    }
}
