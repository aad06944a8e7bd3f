package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.identity.AccountTesting.SLUG;
import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Sessions and requests against the running platform (issue 3, point 2): no session fixation, cookie
 * flags, CSRF refused, security headers on every kind of answer, sign-out ends the session on the
 * server, and sign-in throttling that is kept in the database (it survives a restart).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionSecurityIT {

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("identity-sessions").demo().build();

    private static String cookie(JsonResponse answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    @Order(1)
    void aSessionIdPlantedBeforeSignInIsNeverTheOneSignedIn(HttpJson http) {
        String planted = "A".repeat(43);
        HttpJson victim = http.newSession().withHeader("Cookie", "SR_SESSION=" + planted);
        JsonResponse answer = login(victim, "resident", DEMO_PASSWORD);
        assertEquals(303, answer.status());
        String set = cookie(answer, "SR_SESSION");
        assertNotEquals(planted, value(set), "a new id at sign-in");
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/"), set);
        assertFalse(set.contains("Max-Age"), "a browser-session cookie");
        assertEquals(303, http.newSession().withHeader("Cookie", "SR_SESSION=" + planted).get("/account").status(),
                "the planted id is not signed in");

        HttpJson again = http.newSession();
        String first = value(cookie(login(again, "resident", DEMO_PASSWORD), "SR_SESSION"));
        String second = value(cookie(login(again, "resident", DEMO_PASSWORD), "SR_SESSION"));
        assertNotEquals(first, second, "every sign-in gets a new id");
        assertEquals(303, http.newSession().withHeader("Cookie", "SR_SESSION=" + first).get("/account").status(),
                "signing in again ends the session the browser had");
    }

    @Test
    @Order(2)
    void changesWithoutTheFormsCsrfTokenAreRefused(HttpJson http) {
        HttpJson henk = http.newSession();
        assertEquals(303, login(henk, "beheerder", DEMO_PASSWORD).status());
        String page = "/" + SLUG + "/beheer/uitnodigingen";
        JsonResponse list = henk.get(page);
        Map<String, String> fields = Map.of("displayName", "Via Een Andere Site", "email", "csrf@lindeholt.example", "role", "RESIDENT");
        assertEquals(403, henk.postForm(page + "/nieuw", fields).status(), "no token");
        JsonResponse forged = henk.postForm(page + "/nieuw", with(fields, "_csrf", "vals-" + UUID.randomUUID()));
        assertEquals(403, forged.status(), "a wrong token");
        assertTrue(forged.body().contains("Het formulier is verlopen"), forged.body());
        assertFalse(henk.get(page).body().contains("Via Een Andere Site"), "nothing was made");
        assertEquals(403, henk.put("/api/v1/" + SLUG + "/modules/buurtnieuws", Map.of("enabled", false)).status(),
                "a JSON change with the cookie but without X-CSRF-Token");
        assertEquals(200, henk.withHeader("X-CSRF-Token", csrf(list)).put("/api/v1/" + SLUG + "/modules/buurtnieuws",
                Map.of("enabled", true)).status(), "with the header it works");
    }

    @Test
    @Order(3)
    void everyAnswerCarriesTheSecurityHeadersAndNoServerBanner(HttpJson http) {
        for (JsonResponse answer : List.of(http.get("/"), http.get("/login"), http.get("/" + SLUG + "/"), http.get("/bestaat-niet"),
                http.get("/api/v1/" + SLUG + "/audit"), http.get("/assets/samenredzaam.css"), http.get("/health"))) {
            String csp = answer.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("nosniff", answer.header("X-Content-Type-Options").orElse(""));
            assertEquals("same-origin", answer.header("Referrer-Policy").orElse(""));
            assertFalse(answer.header("Server").orElse("").toLowerCase().contains("jetty"), "no server banner");
        }
        assertEquals("no-store", http.get("/login").header("Cache-Control").orElse(""), "pages with personal data are not cached");
    }

    @Test
    @Order(4)
    void signingOutEndsTheSessionOnTheServer(HttpJson http) {
        HttpJson gerrit = http.newSession();
        String id = value(cookie(login(gerrit, "resident", DEMO_PASSWORD), "SR_SESSION"));
        JsonResponse account = gerrit.get("/account");
        assertEquals(200, account.status());
        JsonResponse out = gerrit.postForm("/logout", Map.of("_csrf", csrf(account)));
        assertEquals(303, out.status());
        assertTrue(cookie(out, "SR_SESSION").contains("Max-Age=0"));
        assertEquals(303, http.newSession().withHeader("Cookie", "SR_SESSION=" + id).get("/account").status(),
                "a copy of the old cookie no longer works");
    }

    @Test
    @Order(5)
    void repeatedFailuresAreThrottledOnEveryNodeAndAfterARestart(HttpJson http) {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(http.newSession(), "volunteer", "fout-" + i + "-wachtwoord").status());
        }
        JsonResponse blocked = login(http.newSession(), "volunteer", DEMO_PASSWORD);
        assertEquals(429, blocked.status(), "even the right password waits");
        assertTrue(blocked.body().contains("Wacht een kwartier"), blocked.body());
        assertEquals(429, http.newSession().post("/api/v1/auth/token", Map.of("username", "volunteer", "password", DEMO_PASSWORD)).status(),
                "the token API counts the same");
        assertEquals(303, login(http.newSession(), "volunteer2", DEMO_PASSWORD).status(), "other accounts are not affected");

        platform.restart();
        assertEquals(429, login(platform.http().newSession(), "volunteer", DEMO_PASSWORD).status(),
                "the count is in the database: a restart (or another node) does not reset it");
    }

    @Test
    @Order(6)
    void myAccountChangesThePasswordEndsOtherSessionsAndRevokesTokens(HttpJson http) {
        HttpJson base = platform.http();
        HttpJson laptop = base.newSession();
        assertEquals(303, login(laptop, "referrer", DEMO_PASSWORD).status());
        HttpJson phone = base.newSession();
        assertEquals(303, login(phone, "referrer", DEMO_PASSWORD).status());
        String token = base.newSession().post("/api/v1/auth/token", Map.of("username", "referrer", "password", DEMO_PASSWORD))
                .json().path("token").asText();

        JsonResponse account = laptop.get("/account");
        assertTrue(account.body().contains(">api</th>"), "the token is listed by its label");
        String tokenId = AccountTesting.find(account.body(), "/account/tokens/(\\d+)/intrekken");
        assertEquals(303, laptop.postForm("/account/tokens/" + tokenId + "/intrekken", Map.of("_csrf", csrf(account))).status());
        assertEquals(401, base.newSession().withBearer(token).get("/api/v1/lindeholt/modules").status(), "revoked");

        assertEquals(303, laptop.postForm("/account/elders-uitloggen", Map.of("_csrf", csrf(account))).status());
        assertEquals(303, phone.get("/account").status(), "the other device is signed out");
        assertEquals(200, laptop.get("/account").status(), "this one is not");

        JsonResponse wrong = laptop.postForm("/account/wachtwoord", Map.of("_csrf", csrf(account), "currentPassword", "niet goed",
                "newPassword", "pieter fietst naar de praktijk", "repeatPassword", "pieter fietst naar de praktijk"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("id=\"currentPassword-error\""), wrong.body());
        JsonResponse mismatch = laptop.postForm("/account/wachtwoord", Map.of("_csrf", csrf(account), "currentPassword", DEMO_PASSWORD,
                "newPassword", "pieter fietst naar de praktijk", "repeatPassword", "iets anders"));
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("id=\"repeatPassword-error\""), mismatch.body());
        HttpJson other = base.newSession();
        login(other, "referrer", DEMO_PASSWORD);
        assertEquals(303, laptop.postForm("/account/wachtwoord", Map.of("_csrf", csrf(account), "currentPassword", DEMO_PASSWORD,
                "newPassword", "pieter fietst naar de praktijk", "repeatPassword", "pieter fietst naar de praktijk")).status());
        assertEquals(200, laptop.get("/account").status(), "this session stays");
        assertEquals(303, other.get("/account").status(), "other sessions end with a password change");
        assertEquals(303, login(base.newSession(), "referrer", "pieter fietst naar de praktijk").status());
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> out = new java.util.LinkedHashMap<>(fields);
        out.put(key, value);
        return out;
    }
}
