package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.mailTo;
import static nl.samenredzaam.e2e.identity.AccountTesting.find;
import static nl.samenredzaam.e2e.identity.AccountTesting.login;
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
 * The platform operator {@code admin} belongs to no initiative; its address comes from
 * {@code SAMENREDZAAM_ADMIN_EMAIL}. Against the running platform with a real SMTP server (GreenMail):
 * the operator asks for a password reset, receives the link (the platform's own mail), sets a new
 * password with it, signs in with it, and is told afterwards that the password changed. No link
 * token reaches the log.
 */
class OperatorMailIT {

    static final int SMTP_PORT = AccountTesting.freePort();
    static final int WEB_PORT = AccountTesting.freePort();
    static final String PUBLIC_URL = "http://127.0.0.1:" + WEB_PORT;
    static final String OPERATOR_EMAIL = "beheer@samenredzaam.example";
    static final String OPERATOR_PASSWORD = "platformbeheer voor het hele land";
    static GreenMail smtp;

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("identity-operator-mail").port(WEB_PORT)
            .env("SAMENREDZAAM_SMTP_HOST", "127.0.0.1").env("SAMENREDZAAM_SMTP_PORT", Integer.toString(SMTP_PORT))
            .env("SAMENREDZAAM_SMTP_FROM", "noreply@samenredzaam.example").env("SAMENREDZAAM_PUBLIC_URL", PUBLIC_URL)
            .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).env("SAMENREDZAAM_ADMIN_EMAIL", OPERATOR_EMAIL).build();

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
    void theOperatorInNoInitiativeResetsThePasswordByMailAndIsToldAfterwards(HttpJson http) throws Exception {
        HttpJson visitor = http.newSession();
        JsonResponse asked = visitor.postForm("/wachtwoord-vergeten", Map.of("account", "admin"));
        assertEquals(200, asked.status(), asked.body());

        String mail = mailTo(smtp, platform, OPERATOR_EMAIL, 1);
        assertTrue(mail.contains("Platformbeheerder"), "addressed by name: " + mail);
        String path = find(mail, PUBLIC_URL + "(/wachtwoord-herstellen/[A-Za-z0-9_-]{43})");
        String token = path.substring(path.lastIndexOf('/') + 1);

        HttpJson operator = http.newSession();
        assertEquals(200, operator.get(path).status());
        String fresh = "een nieuw wachtwoord voor de platformbeheerder";
        JsonResponse done = operator.postForm(path, Map.of("newPassword", fresh, "repeatPassword", fresh));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Uw nieuwe wachtwoord is opgeslagen"), done.body());

        assertEquals(401, login(http.newSession(), "admin", OPERATOR_PASSWORD).status(), "the old password is gone");
        assertEquals(303, login(http.newSession(), "admin", fresh).status(), "the new one works");
        assertEquals(410, http.newSession().get(path).status(), "the link works once");

        String notice = mailTo(smtp, platform, OPERATOR_EMAIL, 2);
        assertTrue(notice.contains("Het wachtwoord van uw account admin is zojuist gewijzigd"), notice);
        assertTrue(notice.contains("de beheerder van het platform"), "points to the platform, not an initiative: " + notice);
        assertFalse(notice.contains(fresh), "never the password itself");
        assertFalse(platform.log().contains(token), "the link's token is in no log line");
    }
}
