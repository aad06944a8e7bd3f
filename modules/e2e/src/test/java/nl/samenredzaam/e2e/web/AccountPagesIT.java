package nl.samenredzaam.e2e.web;

import static nl.samenredzaam.e2e.web.WebTesting.DEMO_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.samenredzaam.e2e.identity.AccountTesting;
import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * The account pages in a real browser, each scanned by axe (zero serious or critical violations) and
 * photographed: forgot password, the reset link, My account with two-step verification (off, set-up,
 * recovery codes, on), the invitations admin page, the invitation link, and the audit-log notice.
 */
class AccountPagesIT {

    static final int SMTP_PORT = freePort();
    static GreenMail smtp;

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("web-account").demo()
            .env("SAMENREDZAAM_SMTP_HOST", "127.0.0.1").env("SAMENREDZAAM_SMTP_PORT", Integer.toString(SMTP_PORT)).build();

    static Browser browser;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        browser = WebTesting.browser(platform);
    }

    @AfterAll
    static void stop() {
        browser.close();
        smtp.stop();
    }

    @Test
    void forgotPasswordAndTheResetLink() throws Exception {
        browser.open("/login").axe("login").submit("a[href='/wachtwoord-vergeten']");
        assertEquals("Wachtwoord vergeten", browser.heading());
        browser.axe("forgot").screenshot("wachtwoord-vergeten");
        browser.submit("form[action='/wachtwoord-vergeten'] button[type=submit]");
        assertTrue(browser.driver().findElement(By.id("account-error")).isDisplayed(), "empty field: error next to it");
        browser.axe("forgot with error");
        browser.fill("account", "sanne.meijer@lindeholt.example").submit("form[action='/wachtwoord-vergeten'] button[type=submit]");
        assertTrue(browser.text("main").contains("Als wij een account bij deze gegevens kennen"), browser.text("main"));
        browser.axe("forgot sent").screenshot("wachtwoord-vergeten-verstuurd");

        String link = AccountTesting.find(mail("sanne.meijer@lindeholt.example", "wachtwoord-herstellen"), "(/wachtwoord-herstellen/[A-Za-z0-9_-]{43})");
        browser.open(link);
        assertEquals("Nieuw wachtwoord kiezen", browser.heading());
        browser.axe("reset").screenshot("wachtwoord-herstellen");
        browser.fill("newPassword", "wachtwoord").fill("repeatPassword", "wachtwoord").submit("main form button[type=submit]");
        assertTrue(browser.driver().findElement(By.id("newPassword-error")).isDisplayed());
        browser.axe("reset with error").screenshot("wachtwoord-herstellen-fout");
        String fresh = "sanne helpt op dinsdag in de tuin";
        browser.fill("newPassword", fresh).fill("repeatPassword", fresh).submit("main form button[type=submit]");
        assertTrue(browser.text("main").contains("Uw nieuwe wachtwoord is opgeslagen"), browser.text("main"));
        browser.axe("reset done");
        browser.open(link);
        assertTrue(browser.text("main").contains("Deze link werkt niet meer"), browser.text("main"));
        browser.axe("reset gone").screenshot("wachtwoord-herstellen-verlopen");
        browser.login("volunteer", fresh).logout();
    }

    @Test
    void myAccountSetsUpTwoStepVerification() {
        browser.login("professional", DEMO_PASSWORD);
        try {
            browser.open("/account");
            assertEquals("Mijn account", browser.heading());
            browser.axe("account off").screenshot("mijn-account");
            browser.submit("form[action='/account/tweestaps'] button");
            String secret = browser.text("#secret").replace(" ", "");
            browser.axe("account set-up").screenshot("tweestaps-instellen");
            browser.fill("code", "12").submit("form[action='/account/tweestaps-bevestigen'] button");
            assertTrue(browser.driver().findElement(By.id("code-error")).isDisplayed());
            browser.axe("account set-up with error");
            browser.fill("code", AccountTesting.totp(secret, 0)).submit("form[action='/account/tweestaps-bevestigen'] button");
            assertEquals(10, browser.all("main li code").size(), "ten recovery codes");
            browser.axe("recovery codes").screenshot("herstelcodes");
            browser.printMedia(true).screenshot("herstelcodes-print");
            browser.printMedia(false);
            browser.open("/account");
            assertTrue(browser.text("main").contains("Tweestapsverificatie staat aan"), browser.text("main"));
            browser.axe("account on");
        } finally {
            browser.open("/").logout();
        }
    }

    @Test
    void invitationsAndTheInvitationLink() throws Exception {
        browser.login("beheerder", DEMO_PASSWORD);
        try {
            browser.open(WebTesting.ADMIN + "uitnodigingen");
            assertEquals("Uitnodigingen", browser.heading());
            browser.axe("invitations").screenshot("beheer-uitnodigingen");
            browser.fill("displayName", "Joke Hendriks").fill("email", "geen-adres").submit("form[action$='uitnodigingen/nieuw'] button");
            assertTrue(browser.driver().findElement(By.id("email-error")).isDisplayed());
            assertEquals("Joke Hendriks", browser.driver().findElement(By.id("displayName")).getAttribute("value"));
            browser.axe("invitations with error");
            browser.fill("email", "joke.hendriks@lindeholt.example").submit("form[action$='uitnodigingen/nieuw'] button");
            assertTrue(browser.text("main table").contains("Joke Hendriks"), browser.text("main"));
            browser.axe("invitations with one").screenshot("beheer-uitnodigingen-lijst");

            browser.open(WebTesting.ADMIN + "logboek");
            assertTrue(browser.text("main").contains("tweestapsverificatie"), browser.text("main"));
            browser.axe("audit notice").screenshot("logboek-tweestaps-nodig");
        } finally {
            browser.open("/").logout();
        }
        String link = AccountTesting.find(mail("joke.hendriks@lindeholt.example", "uitnodiging"), "(/lindeholt/uitnodiging/[A-Za-z0-9_-]{43})");
        browser.open(link);
        assertEquals("Uitnodiging", browser.heading());
        browser.axe("accept").screenshot("uitnodiging");
        browser.fill("username", "joke").fill("password", "kort").submit("main form[novalidate] button");
        assertTrue(browser.driver().findElement(By.id("password-error")).isDisplayed());
        browser.axe("accept with error");
        browser.fill("password", "breit sokken voor iedereen").submit("main form[novalidate] button");
        assertEquals("/lindeholt/?welkom=1", browser.path(), browser.text("main"));
        assertTrue(browser.text("main").contains("U doet nu mee"), browser.text("main"));
        browser.axe("joined").screenshot("welkom");
        browser.logout();
        browser.open(link);
        assertTrue(browser.text("main").contains("Deze uitnodiging werkt niet meer"), browser.text("main"));
        browser.axe("accept gone").screenshot("uitnodiging-verlopen");
    }

    private static String mail(String address, String containing) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                        && m.getContent().toString().contains(containing)) {
                    return m.getContent().toString();
                }
            }
            smtp.waitForIncomingEmail(2_000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
