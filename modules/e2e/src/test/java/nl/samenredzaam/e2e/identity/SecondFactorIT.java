package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_TOTP_SECRET;
import static nl.samenredzaam.e2e.identity.AccountTesting.SLUG;
import static nl.samenredzaam.e2e.identity.AccountTesting.TOTP_ADMIN;
import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.find;
import static nl.samenredzaam.e2e.identity.AccountTesting.login;
import static nl.samenredzaam.e2e.identity.AccountTesting.signedIn;
import static nl.samenredzaam.e2e.identity.AccountTesting.totp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Two-step verification (TOTP) against the running platform: sign-in asks for the code after the
 * password, the audit log answers only admins who have it, the token API wants the code too, and a
 * person sets it up on My account and can sign in with a recovery code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorIT {

    static final String LOG = "/" + SLUG + "/beheer/logboek";

    @RegisterExtension
    // with a key: TOTP secrets are stored sealed (AES-256-GCM), and everything below must work the same
    static RunningPlatform platform = RunningPlatform.builder().name("identity-totp").demo()
            .env("SAMENREDZAAM_SECRET_KEY", "c2FtZW5yZWR6YWFtLWUyZS1zZWNyZXQta2V5LTMyYnk=").build();

    @Test
    @Order(1) // a code works once per account: this test takes the current step, the token test the next
    void signInAsksForTheCodeAndOnlyThenOpensTheAuditLog(HttpJson http) {
        HttpJson anouk = http.newSession();
        JsonResponse password = login(anouk, TOTP_ADMIN, DEMO_PASSWORD);
        assertEquals(303, password.status());
        assertTrue(password.header("Location").orElse("").startsWith("/login/code"), password.header("Location").toString());
        assertTrue(password.header("Set-Cookie").orElse("").contains("SR_LOGIN2="), "a half-done sign-in, not a session");
        assertEquals(303, anouk.get(LOG).status(), "not signed in until the code is given");

        JsonResponse codePage = anouk.get("/login/code?returnTo=" + LOG);
        assertEquals(200, codePage.status());
        assertTrue(codePage.body().contains("autocomplete=\"one-time-code\""), codePage.body());
        String wrong = totp(DEMO_TOTP_SECRET, 0).equals("000000") ? "111111" : "000000";
        JsonResponse bad = anouk.postForm("/login/code", Map.of("code", wrong, "returnTo", LOG));
        assertEquals(401, bad.status());
        assertTrue(bad.body().contains("Deze code klopt niet"), bad.body());

        JsonResponse ok = anouk.postForm("/login/code", Map.of("code", totp(DEMO_TOTP_SECRET, 0), "returnTo", LOG));
        assertEquals(303, ok.status(), ok.body());
        assertEquals(LOG, ok.header("Location").orElse(""));
        JsonResponse log = anouk.get(LOG);
        assertEquals(200, log.status());
        assertTrue(log.body().contains("sr-filter\" method=\"get\""), "the audit log with its filter");
        assertEquals(200, anouk.get(LOG + ".csv").status());

        JsonResponse stale = http.newSession().withHeader("Cookie", "SR_LOGIN2=" + "B".repeat(43))
                .postForm("/login/code", Map.of("code", "123456", "returnTo", LOG));
        assertEquals(303, stale.status(), "an unknown or expired half-done sign-in starts again");
        assertTrue(stale.header("Location").orElse("").startsWith("/login?verlopen=1"), stale.header("Location").toString());
        assertTrue(http.newSession().get("/login?verlopen=1").body().contains("De tijd om de code in te vullen is voorbij"));
    }

    @Test
    void anAdminWithoutASecondFactorGetsAClearPageNotTheLog(HttpJson http) {
        HttpJson henk = signedIn(http, "beheerder", DEMO_PASSWORD);
        JsonResponse log = henk.get(LOG);
        assertEquals(403, log.status());
        assertTrue(log.body().contains("tweestapsverificatie aan staat"), log.body());
        assertTrue(log.body().contains("href=\"/account#tweestaps\""), log.body());
        assertEquals(403, henk.get(LOG + ".csv").status(), "the download neither");
        assertFalse(log.body().contains("sr-filter"));
    }

    @Test
    @Order(2)
    void theTokenApiWantsTheCodeForAccountsThatHaveOne(HttpJson http) {
        JsonResponse without = http.newSession().post("/api/v1/auth/token", Map.of("username", TOTP_ADMIN, "password", DEMO_PASSWORD));
        assertEquals(401, without.status());
        assertTrue(without.contentType().startsWith("application/problem+json"));
        assertTrue(without.json().path("errors").has("code"), without.body());
        // one step ahead: the current step was used by the sign-in test
        JsonResponse with = http.newSession().post("/api/v1/auth/token", Map.of("username", TOTP_ADMIN, "password", DEMO_PASSWORD,
                "code", totp(DEMO_TOTP_SECRET, 1)));
        assertEquals(200, with.status(), with.body());
        assertTrue(with.json().path("token").asText().startsWith("sr_"));
        HttpJson anouk = http.newSession().withBearer(with.json().path("token").asText());
        JsonResponse log = anouk.get("/api/v1/" + SLUG + "/audit?limit=5");
        assertEquals(200, log.status(), log.body());
        assertTrue(log.json().path("entries").isArray());
        JsonResponse badQuery = anouk.get("/api/v1/" + SLUG + "/audit?limit=9999&from=gisteren");
        assertEquals(400, badQuery.status());
        assertTrue(badQuery.json().path("errors").has("limit") && badQuery.json().path("errors").has("from"), badQuery.body());

        String henkToken = http.newSession().post("/api/v1/auth/token", Map.of("username", "beheerder", "password", DEMO_PASSWORD))
                .json().path("token").asText();
        JsonResponse gated = http.newSession().withBearer(henkToken).get("/api/v1/" + SLUG + "/audit");
        assertEquals(403, gated.status());
        assertTrue(gated.contentType().startsWith("application/problem+json"));
        assertTrue(gated.json().path("detail").asText().contains("tweestapsverificatie"), gated.body());
        String gerritToken = http.newSession().post("/api/v1/auth/token", Map.of("username", "resident", "password", DEMO_PASSWORD))
                .json().path("token").asText();
        assertEquals(403, http.newSession().withBearer(gerritToken).get("/api/v1/" + SLUG + "/audit").status());
        assertEquals(401, http.newSession().get("/api/v1/" + SLUG + "/audit").status());
        assertEquals(200, http.newSession().post("/api/v1/auth/token", Map.of("username", "beheerder", "password", DEMO_PASSWORD)).status(),
                "accounts without a second factor are unchanged");
    }

    @Test
    void aPersonSetsItUpOnMyAccountAndSignsInWithARecoveryCode(HttpJson http) {
        HttpJson marieke = signedIn(http, "professional", DEMO_PASSWORD);
        JsonResponse account = marieke.get("/account");
        assertEquals(200, account.status());
        assertTrue(account.body().contains("Tweestapsverificatie staat uit"), account.body());
        JsonResponse started = marieke.postForm("/account/tweestaps", Map.of("_csrf", csrf(account)));
        assertEquals(200, started.status(), started.body());
        String secret = find(started.body(), "<code id=\"secret\">([A-Z2-7 ]+)</code>").replace(" ", "");
        assertTrue(started.body().contains("otpauth://totp/Samenredzaam:professional?secret=" + secret));
        assertEquals(403, marieke.postForm("/account/tweestaps-bevestigen", Map.of("_csrf", "vals", "code", totp(secret, 0))).status());
        JsonResponse wrong = marieke.postForm("/account/tweestaps-bevestigen", Map.of("_csrf", csrf(account), "code", "12345"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("id=\"code-error\""), wrong.body());
        JsonResponse confirmed = marieke.postForm("/account/tweestaps-bevestigen", Map.of("_csrf", csrf(account), "code", totp(secret, 0)));
        assertEquals(200, confirmed.status(), confirmed.body());
        String recovery = find(confirmed.body(), "<li><code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code></li>");

        HttpJson later = http.newSession();
        JsonResponse password = login(later, "professional", DEMO_PASSWORD);
        assertTrue(password.header("Location").orElse("").startsWith("/login/code"));
        assertEquals(303, later.postForm("/login/code", Map.of("code", recovery, "returnTo", "/")).status());
        assertEquals(200, later.get("/account").status());

        HttpJson again = http.newSession();
        login(again, "professional", DEMO_PASSWORD);
        assertEquals(401, again.postForm("/login/code", Map.of("code", recovery, "returnTo", "/")).status(), "a recovery code works once");

        JsonResponse page = later.get("/account");
        JsonResponse off = later.postForm("/account/tweestaps-uit", Map.of("_csrf", csrf(page), "password", "niet goed"));
        assertEquals(400, off.status());
        assertTrue(off.body().contains("id=\"password-error\""), off.body());
        assertEquals(303, later.postForm("/account/tweestaps-uit", Map.of("_csrf", csrf(page), "password", DEMO_PASSWORD)).status());
        assertEquals("/", login(http.newSession(), "professional", DEMO_PASSWORD).header("Location").orElse(""), "password only again");
    }

    @Test
    void anAdminTurnsOffAMembersLostSecondFactor(HttpJson http) {
        HttpJson sanne = signedIn(http, "volunteer", DEMO_PASSWORD);
        JsonResponse account = sanne.get("/account");
        JsonResponse started = sanne.postForm("/account/tweestaps", Map.of("_csrf", csrf(account)));
        String secret = find(started.body(), "<code id=\"secret\">([A-Z2-7 ]+)</code>").replace(" ", "");
        assertEquals(200, sanne.postForm("/account/tweestaps-bevestigen", Map.of("_csrf", csrf(account), "code", totp(secret, 0))).status());
        assertTrue(login(http.newSession(), "volunteer", DEMO_PASSWORD).header("Location").orElse("").startsWith("/login/code"));

        HttpJson henk = signedIn(http, "beheerder", DEMO_PASSWORD);
        String members = henk.get("/" + SLUG + "/beheer/leden").body();
        String id = find(members, "(?s)/beheer/leden/(\\d+)\">[^<]*</a></th>\\s*<td>volunteer</td>");
        JsonResponse page = henk.get("/" + SLUG + "/beheer/leden/" + id);
        assertTrue(page.body().contains("/tweestaps-uit"), page.body());
        assertEquals(403, signedIn(http, "coordinator", DEMO_PASSWORD).postForm("/" + SLUG + "/beheer/leden/" + id + "/tweestaps-uit",
                Map.of("_csrf", "x")).status());
        assertEquals(303, henk.postForm("/" + SLUG + "/beheer/leden/" + id + "/tweestaps-uit", Map.of("_csrf", csrf(page))).status());
        assertEquals("/", login(http.newSession(), "volunteer", DEMO_PASSWORD).header("Location").orElse(""), "password only again");
    }
}
