package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.find;
import static nl.samenredzaam.e2e.identity.AccountTesting.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * My account lists the person's sessions one by one (device in short, signed in, last used, this
 * one marked) and ends one of them with "sign out there" (CSRF-protected, only one's own); the page
 * in a browser passes axe.
 */
class MySessionsIT {

    static final String FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("identity-sessions").demo().build();

    @org.junit.jupiter.api.BeforeAll
    static void demoReady() {
        ConsentIT.demoIsWholeWhenHealthSaysUp(platform, false);
    }

    private static HttpJson device(HttpJson base, String userAgent, String username) {
        HttpJson http = base.newSession().withHeader("User-Agent", userAgent);
        JsonResponse answer = login(http, username, DEMO_PASSWORD);
        assertEquals(303, answer.status(), answer.body());
        return http;
    }

    @Test
    void sessionsAreListedAndOneIsSignedOutFromAnother(HttpJson http) {
        HttpJson laptop = device(http, FIREFOX_WINDOWS, "volunteer2");
        HttpJson phone = device(http, SAFARI_IPHONE, "volunteer2");
        HttpJson someoneElse = device(http, SAFARI_IPHONE, "professional");

        JsonResponse account = laptop.get("/account");
        assertEquals(200, account.status(), account.body());
        String body = account.body();
        assertTrue(body.contains("Firefox, Windows <span class=\"sr-status sr-status--ok\">dit apparaat</span>"), body);
        assertTrue(body.contains("Safari, iPhone"), body);
        assertFalse(body.contains(FIREFOX_WINDOWS), "never the full User-Agent");
        String handle = find(body, "action=\"/account/sessies/([0-9a-f]{32})/uitloggen\"");
        assertEquals(1, body.split("/account/sessies/").length - 1, "only the other session has a button");

        assertEquals(403, laptop.postForm("/account/sessies/" + handle + "/uitloggen", Map.of()).status(), "no CSRF token");
        assertEquals(404, someoneElse.postForm("/account/sessies/" + handle + "/uitloggen",
                Map.of("_csrf", csrf(someoneElse.get("/account")))).status(), "not someone else's session");
        assertEquals(200, phone.get("/account").status(), "the phone is still signed in");

        JsonResponse ended = laptop.postForm("/account/sessies/" + handle + "/uitloggen", Map.of("_csrf", csrf(account)));
        assertEquals(303, ended.status(), ended.body());
        assertEquals("/account?opgeslagen=1#sessies", ended.header("Location").orElse(""));
        assertEquals(303, phone.get("/account").status(), "the phone is signed out: back to the sign-in page");
        assertEquals(200, laptop.get("/account").status(), "this device stays signed in");
        assertFalse(laptop.get("/account").body().contains("Safari, iPhone"));
        assertEquals(404, laptop.postForm("/account/sessies/" + handle + "/uitloggen", Map.of("_csrf", csrf(account))).status(),
                "already ended");
    }

    @Test
    void theListPassesAxe() {
        device(platform.http(), SAFARI_IPHONE, "volunteer");
        try (Browser browser = Browser.start(platform.baseUri().toString())) {
            browser.login("volunteer", DEMO_PASSWORD);
            browser.open("/account");
            assertTrue(browser.text("#sessies ~ table").contains("dit apparaat"), browser.text("main"));
            assertTrue(browser.text("#sessies ~ table").contains("Safari, iPhone"), browser.text("main"));
            browser.axe("account sessions").screenshot("mijn-account-sessies");
            browser.submit("form[action^='/account/sessies/'] button");
            assertTrue(browser.path().startsWith("/account?opgeslagen=1"), browser.path());
            assertFalse(browser.text("#sessies ~ table").contains("Safari, iPhone"));
            browser.axe("account sessions after");
            browser.logout();
        }
    }
}
