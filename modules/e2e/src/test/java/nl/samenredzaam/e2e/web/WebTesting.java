package nl.samenredzaam.e2e.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/** What the web ITs share: the demo initiative, its accounts, and a platform that has loaded its demo data. */
final class WebTesting {

    static final String SLUG = "lindeholt";
    static final String HOME = "/" + SLUG + "/";
    static final String ADMIN = "/" + SLUG + "/beheer/";
    static final String DEMO_PASSWORD = "lindeholt-demo";
    static final String OPERATOR = "admin";
    static final String OPERATOR_PASSWORD = "operator-wachtwoord-e2e-42";

    private WebTesting() {
    }

    /** A platform with the demo initiative and a known operator password. */
    static RunningPlatform platform(String name) {
        return RunningPlatform.builder().name(name).demo().env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).build();
    }

    /**
     * Starts a browser once the demo initiative shows its modules (health can be up before the demo
     * data is in).
     */
    static Browser browser(RunningPlatform platform) {
        Browser browser = Browser.start(platform.baseUri().toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!demoReady(platform)) {
            if (Instant.now().isAfter(deadline)) {
                browser.close();
                fail("the demo initiative did not appear; log:\n" + platform.logTail(40));
            }
            try {
                Thread.sleep(200); // polling a child process: no clock to fake here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
        return browser;
    }

    /** Signs in with password and then the TOTP code of {@code secret} (the second step of /login). */
    static void loginWithCode(Browser browser, String username, String password, String secret) {
        browser.open("/login").fill("username", username).fill("password", password);
        browser.submit("form[action='/login'] button[type=submit]");
        if (!browser.path().startsWith("/login/code")) {
            fail("no second step for " + username + ": " + browser.path());
        }
        browser.axe("login code");
        browser.fill("code", nl.samenredzaam.e2e.identity.AccountTesting.totp(secret, 0));
        browser.submit("form[action='/login/code'] button[type=submit]");
        if (browser.path().startsWith("/login")) {
            fail("sign-in with code failed: " + browser.text("main"));
        }
    }

    private static boolean demoReady(RunningPlatform platform) {
        try {
            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(platform.baseUri().resolve(HOME)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return home.statusCode() == 200 && home.body().contains("class=\"sr-card\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
