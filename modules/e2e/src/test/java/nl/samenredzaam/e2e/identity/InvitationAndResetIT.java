package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.mailTo;
import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.identity.AccountTesting.SLUG;
import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.find;
import static nl.samenredzaam.e2e.identity.AccountTesting.login;
import static nl.samenredzaam.e2e.identity.AccountTesting.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Invitations and password reset by e-mail against the running platform, with a real SMTP server
 * (GreenMail) that the platform's mail sender delivers to: the test reads the mail, follows its
 * link, sets a password and signs in; used, revoked and unknown links give a Dutch page, not a 500.
 * Expiry is proved with a fake clock in identity's InvitationsDbTest and PasswordResetDbTest.
 */
class InvitationAndResetIT {

    static final int SMTP_PORT = AccountTesting.freePort();
    static final int WEB_PORT = AccountTesting.freePort();
    static final String PUBLIC_URL = "http://127.0.0.1:" + WEB_PORT;
    static GreenMail smtp;

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("identity-mail").demo().port(WEB_PORT)
            .env("SAMENREDZAAM_SMTP_HOST", "127.0.0.1").env("SAMENREDZAAM_SMTP_PORT", Integer.toString(SMTP_PORT))
            .env("SAMENREDZAAM_SMTP_FROM", "noreply@lindeholt.example").env("SAMENREDZAAM_PUBLIC_URL", PUBLIC_URL).build();

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anInvitationIsMailedAcceptedOnceAndTheNewAccountSignsIn(HttpJson http) throws Exception {
        HttpJson admin = signedIn(http, "beheerder", DEMO_PASSWORD);
        String page = "/" + SLUG + "/beheer/uitnodigingen";
        JsonResponse list = admin.get(page);
        assertEquals(200, list.status(), list.body());

        JsonResponse bad = admin.postForm(page + "/nieuw", Map.of("_csrf", csrf(list), "displayName", "Gerda Smit", "email", "geen-adres",
                "role", "VOLUNTEER"));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("id=\"email-error\""), bad.body());
        assertTrue(bad.body().contains("Vul een geldig e-mailadres in"), bad.body());
        assertTrue(bad.body().contains("value=\"Gerda Smit\""), "what was typed is kept");

        JsonResponse sent = admin.postForm(page + "/nieuw", Map.of("_csrf", csrf(list), "displayName", "Gerda Smit",
                "email", "gerda.smit@lindeholt.example", "role", "VOLUNTEER"));
        assertEquals(303, sent.status(), sent.body());

        String mail = mailTo(smtp, platform, "gerda.smit@lindeholt.example", 1);
        assertTrue(mail.contains("Beste Gerda Smit"), mail);
        assertTrue(mail.contains("Dear Gerda Smit"), "English below the Dutch");
        String link = find(mail, "(" + PUBLIC_URL + "/" + SLUG + "/uitnodiging/[A-Za-z0-9_-]{43})");
        String path = link.substring(PUBLIC_URL.length());

        HttpJson gerda = http.newSession();
        JsonResponse accept = gerda.get(path);
        assertEquals(200, accept.status(), accept.body());
        assertTrue(accept.body().contains("Welkom, Gerda Smit"), accept.body());
        JsonResponse weak = gerda.postForm(path, Map.of("username", "gerda.smit", "password", "kort"));
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("id=\"password-error\""), weak.body());
        assertTrue(weak.body().contains("value=\"gerda.smit\""), "the user name is kept");

        JsonResponse created = gerda.postForm(path, Map.of("username", "gerda.smit", "password", "gerda wandelt graag door lindeholt"));
        assertEquals(303, created.status(), created.body());
        assertEquals("/" + SLUG + "/?welkom=1", created.header("Location").orElse(""));
        assertTrue(gerda.get("/" + SLUG + "/").body().contains("Gerda Smit"), "signed in right away");

        JsonResponse again = http.newSession().get(path);
        assertEquals(410, again.status());
        assertTrue(again.body().contains("Deze uitnodiging werkt niet meer"), again.body());
        assertEquals(410, http.newSession().postForm(path, Map.of("username", "gerda.twee", "password", "gerda wandelt graag door lindeholt"))
                .status(), "single use");
        assertEquals(410, http.newSession().get("/" + SLUG + "/uitnodiging/" + "A".repeat(43)).status(), "unknown token");
        assertEquals(410, http.newSession().get("/" + SLUG + "/uitnodiging/kapot").status());

        assertEquals(303, login(http.newSession(), "gerda.smit", "gerda wandelt graag door lindeholt").status());
        assertTrue(admin.get(page).body().contains("Geaccepteerd"), "the admin sees it was accepted");
    }

    @Test
    void aRevokedInvitationStopsWorkingAndResendMakesANewLink(HttpJson http) throws Exception {
        HttpJson admin = signedIn(http, "beheerder", DEMO_PASSWORD);
        String page = "/" + SLUG + "/beheer/uitnodigingen";
        JsonResponse list = admin.get(page);
        assertEquals(303, admin.postForm(page + "/nieuw", Map.of("_csrf", csrf(list), "displayName", "Kees Bos",
                "email", "kees.bos@lindeholt.example", "role", "RESIDENT")).status());
        String first = find(mailTo(smtp, platform, "kees.bos@lindeholt.example", 1), "(/" + SLUG + "/uitnodiging/[A-Za-z0-9_-]{43})");
        JsonResponse withKees = admin.get(page);
        String id = find(withKees.body(), "(?s)<th scope=\"row\">Kees Bos</th>.*?/beheer/uitnodigingen/(\\d+)/opnieuw");
        assertEquals(303, admin.postForm(page + "/" + id + "/opnieuw", Map.of("_csrf", csrf(withKees))).status());
        String second = find(mailTo(smtp, platform, "kees.bos@lindeholt.example", 2), "(/" + SLUG + "/uitnodiging/[A-Za-z0-9_-]{43})");
        assertFalse(first.equals(second));
        assertEquals(410, http.newSession().get(first).status(), "the old link is replaced");
        assertEquals(200, http.newSession().get(second).status());

        assertEquals(303, admin.postForm(page + "/" + id + "/intrekken", Map.of("_csrf", csrf(withKees))).status());
        assertEquals(410, http.newSession().get(second).status(), "revoked");
        assertEquals(403, admin.postForm(page + "/" + id + "/intrekken", Map.of("_csrf", "vals")).status(), "CSRF is checked");
    }

    @Test
    void coordinatorsInviteResidentsAndVolunteersOnlyAndResidentsNotAtAll(HttpJson http) {
        HttpJson ria = signedIn(http, "coordinator", DEMO_PASSWORD);
        String page = "/" + SLUG + "/beheer/uitnodigingen";
        JsonResponse list = ria.get(page);
        assertEquals(200, list.status(), list.body());
        assertFalse(list.body().contains("value=\"ADMIN\""), "no admin role offered to a coordinator");
        assertEquals(403, ria.postForm(page + "/nieuw", Map.of("_csrf", csrf(list), "displayName", "Niet Toegestaan",
                "email", "nee@lindeholt.example", "role", "ADMIN")).status());
        assertEquals(403, ria.get("/" + SLUG + "/beheer/leden").status(), "the rest of beheer stays closed");
        HttpJson gerrit = signedIn(http, "resident", DEMO_PASSWORD);
        assertEquals(403, gerrit.get(page).status());
        assertEquals(303, http.newSession().get(page).status(), "visitors are sent to sign in");
    }

    @Test
    void aPasswordResetLinkWorksOnceAndTheAnswerNeverTellsWhetherTheAccountExists(HttpJson http) throws Exception {
        HttpJson visitor = http.newSession();
        JsonResponse known = visitor.postForm("/wachtwoord-vergeten", Map.of("account", "volunteer2"));
        JsonResponse unknown = visitor.postForm("/wachtwoord-vergeten", Map.of("account", "niemand@lindeholt.example"));
        assertEquals(200, known.status());
        assertEquals(200, unknown.status());
        assertEquals(known.body(), unknown.body(), "the same page whether or not the account exists");
        assertEquals(400, visitor.postForm("/wachtwoord-vergeten", Map.of("account", "")).status());

        String mail = mailTo(smtp, platform, "youssef.elamrani@lindeholt.example", 1);
        String path = find(mail, PUBLIC_URL + "(/wachtwoord-herstellen/[A-Za-z0-9_-]{43})");
        HttpJson youssef = http.newSession();
        assertEquals(200, youssef.get(path).status());
        JsonResponse mismatch = youssef.postForm(path, Map.of("newPassword", "een heel nieuw wachtwoord", "repeatPassword", "iets anders"));
        assertEquals(400, mismatch.status());
        assertTrue(mismatch.body().contains("id=\"repeatPassword-error\""), mismatch.body());
        JsonResponse weak = youssef.postForm(path, Map.of("newPassword", "wachtwoord", "repeatPassword", "wachtwoord"));
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("id=\"newPassword-error\""), weak.body());

        HttpJson oldSession = signedIn(http, "volunteer2", DEMO_PASSWORD);
        String fresh = "youssef fietst naar de markt in lindeholt";
        JsonResponse done = youssef.postForm(path, Map.of("newPassword", fresh, "repeatPassword", fresh));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Uw nieuwe wachtwoord is opgeslagen"), done.body());

        assertEquals(303, oldSession.get("/account").status(), "the old session ended");
        assertEquals(401, login(http.newSession(), "volunteer2", DEMO_PASSWORD).status(), "the old password is gone");
        assertEquals(303, login(http.newSession(), "volunteer2", fresh).status());
        JsonResponse reused = http.newSession().get(path);
        assertEquals(410, reused.status());
        assertTrue(reused.body().contains("Deze link werkt niet meer"), reused.body());
    }

    @Test
    void thePlatformWidePrivacyRequestCoversTheAccountAndErasesIt(HttpJson http) throws Exception {
        HttpJson admin = signedIn(http, "beheerder", DEMO_PASSWORD);
        String page = "/" + SLUG + "/beheer/uitnodigingen";
        assertEquals(303, admin.postForm(page + "/nieuw", Map.of("_csrf", csrf(admin.get(page)), "displayName", "Fenna Mulder",
                "email", "fenna.mulder@lindeholt.example", "role", "RESIDENT")).status());
        String path = find(mailTo(smtp, platform, "fenna.mulder@lindeholt.example", 1), "(/" + SLUG + "/uitnodiging/[A-Za-z0-9_-]{43})");
        String password = "fenna bakt taart voor de buren";
        assertEquals(303, http.newSession().postForm(path, Map.of("username", "fmulder", "password", password)).status());
        String id = find(admin.get("/" + SLUG + "/beheer/leden").body(), "/beheer/leden/(\\d+)\">Fenna Mulder<");

        JsonResponse privacyPage = admin.get("/" + SLUG + "/beheer/privacy");
        assertTrue(privacyPage.body().contains("Account en rollen"), "identity is listed among the parts");
        JsonResponse export = admin.postForm("/" + SLUG + "/beheer/privacy/inzage", Map.of("_csrf", csrf(privacyPage), "lid", id));
        assertEquals(200, export.status(), export.body());
        assertEquals("fmulder", export.json().path("modules").path("identity").path("account").path("username").asText(), export.body());
        assertEquals("RESIDENT", export.json().path("modules").path("identity").path("invitations").path(0).path("role").asText());
        assertFalse(export.body().contains("argon2"), "no password hash in the export");

        JsonResponse erased = admin.postForm("/" + SLUG + "/beheer/privacy/wissen", Map.of("_csrf", csrf(privacyPage), "lid", id,
                "bevestigd", "ja"));
        assertEquals(200, erased.status(), erased.body());
        assertTrue(erased.body().contains("Account en rollen"), erased.body());
        assertTrue(erased.body().contains("nummer " + id), "the report says the audit log keeps a number: " + erased.body());
        assertEquals(401, login(http.newSession(), "fmulder", password).status(), "the account is gone");
    }
}
