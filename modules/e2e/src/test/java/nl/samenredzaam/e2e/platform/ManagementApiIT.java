package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/** The management API's contract (docs/api.md): tokens, initiatives, and every kind of bad input. */
class ManagementApiIT {

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("management-api").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    @Test
    void tokenNeedsTheRightPassword(HttpJson http) {
        JsonResponse wrong = http.post("/api/v1/auth/token", Map.of("username", "admin", "password", "not-the-password"));
        assertEquals(401, wrong.status(), wrong.toString());
        assertEquals("application/problem+json", wrong.contentType());
        assertEquals(401, wrong.json().get("status").asInt());

        JsonResponse missing = http.post("/api/v1/auth/token", Map.of("username", "admin"));
        assertEquals(400, missing.status(), missing.toString());

        JsonResponse ok = http.post("/api/v1/auth/token", Map.of("username", "admin", "password", Fixtures.OPERATOR_PASSWORD));
        assertEquals(200, ok.status(), ok.toString());
        assertTrue(ok.json().get("token").asText().startsWith("sr_"));

        assertEquals(401, http.get("/api/v1/platform/initiatives").status(), "no token: 401");
        assertEquals(401, http.withBearer("sr_forged").get("/api/v1/platform/initiatives").status(), "forged token: 401");
    }

    @Test
    void operatorCreatesListsRenamesAndArchivesInitiatives(HttpJson http) {
        HttpJson operator = Fixtures.operator(http);
        JsonResponse created = operator.post("/api/v1/platform/initiatives", Map.of("slug", "america-left", "name", "Vitaliteitscoöperatie America Left"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("america-left", created.json().get("slug").asText());
        assertTrue(created.header("Location").orElseThrow().endsWith("/america-left"));

        JsonResponse again = operator.post("/api/v1/platform/initiatives", Map.of("slug", "america-left", "name", "Nog een"));
        assertEquals(409, again.status(), again.toString());

        JsonResponse list = operator.get("/api/v1/platform/initiatives");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("america-left") && list.body().contains("lindeholt"), list.body());

        JsonResponse renamed = operator.patch("/api/v1/platform/initiatives/america-left", Map.of("name", "America Left"));
        assertEquals("America Left", renamed.json().get("name").asText());

        assertEquals(200, operator.patch("/api/v1/platform/initiatives/america-left", Map.of("archived", true)).status());
        assertEquals(404, http.get("/america-left/").status(), "an archived initiative serves no pages");
        assertEquals(404, operator.get("/api/v1/america-left/modules").status());
        assertTrue(!operator.get("/api/v1/platform/initiatives").body().contains("america-left"));
        assertTrue(operator.get("/api/v1/platform/initiatives?archived=true").body().contains("america-left"));
    }

    @Test
    void badInputGetsAProblemNamingTheField(HttpJson http) {
        HttpJson operator = Fixtures.operator(http);
        JsonResponse badSlug = operator.post("/api/v1/platform/initiatives", Map.of("slug", "Geen Slug!", "name", "Iets"));
        assertEquals(400, badSlug.status());
        assertTrue(badSlug.json().get("errors").has("slug"), badSlug.toString());

        JsonResponse reserved = operator.post("/api/v1/platform/initiatives", Map.of("slug", "api", "name", "Iets"));
        assertEquals(400, reserved.status());
        assertTrue(reserved.json().get("errors").has("slug"));

        JsonResponse unknownField = operator.post("/api/v1/platform/initiatives", Map.of("slug", "ok-slug", "name", "Iets", "colour", "red"));
        assertEquals(400, unknownField.status());
        assertTrue(unknownField.json().get("errors").has("colour"), unknownField.toString());

        JsonResponse wrongType = operator.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", Map.of("x", 1)));
        assertEquals(400, wrongType.status());
        assertTrue(wrongType.json().get("errors").has("enabled"), wrongType.toString());

        JsonResponse malformed = operator.send("POST", "/api/v1/platform/initiatives", BodyPublishers.ofString("{\"slug\": "), "application/json");
        assertEquals(400, malformed.status());
        assertEquals("application/problem+json", malformed.contentType());

        String huge = "{\"slug\":\"x\",\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        JsonResponse tooLarge = operator.send("POST", "/api/v1/platform/initiatives", BodyPublishers.ofString(huge), "application/json");
        assertEquals(413, tooLarge.status(), "bodies over 1 MiB are refused");
        assertEquals("close", tooLarge.header("Connection").orElse(""), "the unread body closes the connection");

        JsonResponse wrongMethod = operator.send("DELETE", "/api/v1/platform/initiatives", BodyPublishers.noBody(), null);
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.header("Allow").orElse("").contains("POST"));

        assertTrue(!operator.get("/api/v1/platform/initiatives").body().contains("ok-slug"), "the refused requests created nothing");
    }

    @Test
    void onlyOperatorsManageThePlatformAndOnlyAdminsTheirInitiative(HttpJson http) {
        HttpJson beheerder = Fixtures.signedIn(http, "beheerder", Fixtures.DEMO_PASSWORD);
        assertEquals(403, beheerder.get("/api/v1/platform/initiatives").status());
        assertEquals(403, beheerder.get("/api/v1/platform/bundles").status());
        assertEquals(200, beheerder.get("/api/v1/lindeholt/modules").status(), "the initiative's own admin sees its modules");

        HttpJson resident = Fixtures.signedIn(http, "resident", Fixtures.DEMO_PASSWORD);
        assertEquals(403, resident.get("/api/v1/lindeholt/modules").status());
        assertEquals(403, resident.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", false)).status());

        Fixtures.operator(http).post("/api/v1/platform/initiatives", Map.of("slug", "rens", "name", "WIJ SamenVitaal Rens"));
        assertEquals(403, beheerder.get("/api/v1/rens/modules").status(), "an admin of one initiative cannot manage another");
        assertEquals(404, beheerder.get("/api/v1/does-not-exist/modules").status());
    }

    @Test
    void healthAnswersJson(HttpJson http) {
        JsonResponse health = http.get("/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status").asText());
        assertTrue(health.header("X-Content-Type-Options").isPresent(), "security headers on every response");
        assertTrue(health.header("Server").isEmpty() || !health.header("Server").get().contains("Jetty"), "no server banner");
    }
}
