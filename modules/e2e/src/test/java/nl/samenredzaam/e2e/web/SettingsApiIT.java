package nl.samenredzaam.e2e.web;

import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.signedIn;
import static nl.samenredzaam.e2e.web.WebTesting.DEMO_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The theme and privacy requests as JSON next to their pages (issue 4), with the same permission,
 * CSRF and problem+json rules; and error pages inside an initiative shown in its own layout.
 */
class SettingsApiIT {

    static final String THEME = "/api/v1/lindeholt/theme";

    @RegisterExtension
    static RunningPlatform platform = WebTesting.platform("web-settings-api");

    private static String token(HttpJson http, String username) {
        return token(http, username, DEMO_PASSWORD);
    }

    private static String token(HttpJson http, String username, String password) {
        JsonResponse answer = http.newSession().post("/api/v1/auth/token", Map.of("username", username, "password", password));
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("token").asText();
    }

    @Test
    void theThemeIsReadAndChangedWithTheSameRulesAsThePage(HttpJson http) {
        HttpJson henk = http.newSession().withBearer(token(http, "beheerder"));
        JsonResponse current = henk.get(THEME);
        assertEquals(200, current.status(), current.body());
        assertTrue(current.json().path("primaryColour").asText().startsWith("#"));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("primaryColour", "#ffff00");
        bad.put("contactEmail", "geen-adres");
        JsonResponse refused = henk.put(THEME, bad);
        assertEquals(400, refused.status());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.json().path("errors").has("primaryColour"), refused.body());
        assertTrue(refused.json().path("errors").path("primaryColour").asText().contains("contrast"), refused.body());
        assertTrue(refused.json().path("errors").has("contactEmail"), refused.body());
        assertEquals(current.json().path("primaryColour"), henk.get(THEME).json().path("primaryColour"), "nothing changed");

        JsonResponse saved = henk.put(THEME, Map.of("primaryColour", "#2a6e3f", "contactPhone", "0512 123 456",
                "welcome", "Wij zijn de bewoners van Lindeholt."));
        assertEquals(200, saved.status(), saved.body());
        assertEquals("#2a6e3f", saved.json().path("primaryColour").asText());
        assertTrue(http.newSession().get("/lindeholt/").body().contains("0512 123 456"), "the footer shows it");

        assertEquals(403, http.newSession().withBearer(token(http, "resident")).get(THEME).status());
        assertEquals(401, http.newSession().get(THEME).status());
        HttpJson cookie = signedIn(http, "beheerder", DEMO_PASSWORD);
        assertEquals(403, cookie.put(THEME, Map.of("primaryColour", "#2a6e3f")).status(), "a cookie change needs X-CSRF-Token");
        assertEquals(200, cookie.withHeader("X-CSRF-Token", csrf(cookie.get("/lindeholt/beheer/uitstraling")))
                .put(THEME, Map.of("primaryColour", "#1d5b8f")).status());
    }

    @Test
    void aPrivacyRequestByApiExportsAndErasesAMember(HttpJson http) {
        HttpJson henk = http.newSession().withBearer(token(http, "beheerder"));
        JsonResponse missing = henk.post("/api/v1/lindeholt/privacy/export", Map.of());
        assertEquals(400, missing.status());
        assertTrue(missing.json().path("errors").has("userId"), missing.body());
        assertEquals(400, henk.post("/api/v1/lindeholt/privacy/export", Map.of("userId", 999_999)).status(), "not a member");

        long truus = memberId(http, "resident2");
        JsonResponse export = henk.post("/api/v1/lindeholt/privacy/export", Map.of("userId", truus));
        assertEquals(200, export.status(), export.body());
        assertEquals("resident2", export.json().path("modules").path("identity").path("account").path("username").asText(), export.body());

        assertEquals(403, http.newSession().withBearer(token(http, "coordinator")).post("/api/v1/lindeholt/privacy/export",
                Map.of("userId", truus)).status(), "only the initiative's admin");
        JsonResponse unconfirmed = henk.post("/api/v1/lindeholt/privacy/erase", Map.of("userId", truus));
        assertEquals(400, unconfirmed.status());
        assertTrue(unconfirmed.json().path("errors").has("confirm"));
        JsonResponse erased = henk.post("/api/v1/lindeholt/privacy/erase", Map.of("userId", truus, "confirm", true));
        assertEquals(200, erased.status(), erased.body());
        assertTrue(erased.json().path("complete").asBoolean(), erased.body());
        assertEquals(401, http.newSession().post("/api/v1/auth/token", Map.of("username", "resident2", "password", DEMO_PASSWORD)).status());
    }

    @Test
    void errorPagesInsideAnInitiativeUseItsLayout(HttpJson http) {
        JsonResponse missing = http.newSession().get("/lindeholt/bestaat-niet");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("Dorpszorg Lindeholt"), "the initiative's name in the header");
        assertTrue(missing.body().contains("/platform/thema/lindeholt/thema.css"), "and its colours");
        assertTrue(missing.body().contains("href=\"/lindeholt/\""), "a way back to its home");
        JsonResponse forbidden = signedIn(http, "resident", DEMO_PASSWORD).get("/lindeholt/beheer/");
        assertEquals(403, forbidden.status());
        assertTrue(forbidden.body().contains("Dorpszorg Lindeholt"), forbidden.body());
        JsonResponse platformMissing = http.newSession().get("/bestaat-niet");
        assertEquals(404, platformMissing.status());
        assertFalse(platformMissing.body().contains("thema.css"), "outside an initiative: the platform's layout");
    }

    @Test
    void anAdminOfOneInitiativeGetsNothingOfAnother(HttpJson http) {
        HttpJson operator = http.newSession().withBearer(token(http, WebTesting.OPERATOR, WebTesting.OPERATOR_PASSWORD));
        JsonResponse created = operator.post("/api/v1/platform/initiatives", Map.of("slug", "rens", "name", "WIJ SamenVitaal Rens"));
        assertTrue(created.status() == 201 || created.status() == 409, created.body());
        HttpJson henk = http.newSession().withBearer(token(http, "beheerder"));
        for (String path : new String[] {"/api/v1/rens/theme", "/api/v1/rens/audit"}) {
            assertEquals(403, henk.get(path).status(), path);
        }
        assertEquals(403, henk.post("/api/v1/rens/privacy/export", Map.of("userId", 1)).status());
        assertEquals(403, henk.put("/api/v1/rens/theme", Map.of("primaryColour", "#2a6e3f")).status());
        HttpJson cookie = signedIn(http, "beheerder", DEMO_PASSWORD);
        assertEquals(403, cookie.get("/rens/beheer/uitnodigingen").status());
        assertEquals(410, cookie.get("/rens/uitnodiging/" + "C".repeat(43)).status(), "a link only works in its own initiative");
    }

    /** A member's user id from the members page. */
    private static long memberId(HttpJson http, String username) {
        String page = signedIn(http, "beheerder", DEMO_PASSWORD).get("/lindeholt/beheer/leden").body();
        return Long.parseLong(nl.samenredzaam.e2e.identity.AccountTesting.find(page,
                "(?s)/beheer/leden/(\\d+)\">[^<]*</a></th>\\s*<td>" + username + "</td>"));
    }
}
