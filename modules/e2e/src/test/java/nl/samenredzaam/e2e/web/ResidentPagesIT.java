package nl.samenredzaam.e2e.web;

import static nl.samenredzaam.e2e.web.WebTesting.ADMIN;
import static nl.samenredzaam.e2e.web.WebTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.web.WebTesting.HOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/** What a visitor and a resident see: landing, sign-in, home, privacy statement, language switch, page weight. */
class ResidentPagesIT {

    /** The resident home page's budget: HTML + CSS + JS, without the initiative's logo (issue 4). */
    static final int PAGE_BUDGET_BYTES = 100 * 1024;

    @RegisterExtension
    static RunningPlatform platform = WebTesting.platform("web-resident");

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = WebTesting.browser(platform);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void landingListsTheInitiatives() {
        browser.open("/");
        assertEquals("Samenredzaam", browser.heading());
        assertTrue(browser.text("main").contains("Dorpszorg Lindeholt"), browser.text("main"));
        browser.axe("landing").screenshot("landing");
        browser.submit("a[href='/lindeholt/']");
        assertEquals(HOME, browser.path());
    }

    @Test
    void homeShowsWhatTheInitiativeOffersAndItsFooter() {
        browser.open(HOME);
        assertEquals("Dorpszorg Lindeholt", browser.heading());
        assertTrue(browser.menu().contains("Buurtnieuws"), browser.menu().toString());
        assertFalse(browser.all(".sr-card").isEmpty(), "the home page lists the modules");
        assertTrue(browser.text("footer").contains("Privacy"), browser.text("footer"));
        assertEquals("Naar de inhoud", browser.driver().findElement(org.openqa.selenium.By.cssSelector("a.sr-skip-link"))
                .getAttribute("textContent").strip());
        browser.axe("home").screenshot("home");
    }

    @Test
    void wrongPasswordIsExplainedAndTheUserNameKept() {
        browser.open("/login").fill("username", "inwoner-die-niet-bestaat").fill("password", "verkeerd-wachtwoord");
        browser.submit("form[action='/login'] button[type=submit]");
        assertTrue(browser.text("[role=alert]").contains("klopt niet"), browser.text("main"));
        assertEquals("inwoner-die-niet-bestaat", browser.driver().findElement(org.openqa.selenium.By.id("username")).getAttribute("value"));
        assertEquals("true", browser.driver().findElement(org.openqa.selenium.By.id("password")).getAttribute("aria-invalid"));
        browser.axe("login with error").screenshot("login-error");
    }

    @Test
    void loginPageIsAccessible() {
        browser.open("/login");
        assertEquals("Inloggen", browser.heading());
        browser.axe("login").screenshot("login");
    }

    @Test
    void privacyStatementListsEachModulesRetention() {
        browser.open(HOME);
        browser.submit("footer a[href$='/lindeholt/privacy']");
        assertEquals("Privacy", browser.heading());
        String text = browser.text("main");
        assertTrue(text.contains("Buurtnieuws"), text);
        assertTrue(text.contains("Uw rechten"), text);
        browser.axe("privacy").screenshot("privacy");
        browser.open("/platform/privacy");
        browser.axe("platform privacy");
    }

    @Test
    void languageSwitchIsRemembered() {
        browser.open("/login");
        browser.submit("a.sr-lang");
        assertEquals("Sign in", browser.heading());
        assertEquals("en", browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"));
        browser.open(HOME);
        assertTrue(browser.text("main").contains("What you can do here"), browser.text("main"));
        browser.axe("home in English").screenshot("home-en");
        browser.submit("a.sr-lang");
        assertEquals("nl", browser.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"));
        assertTrue(browser.text("main").contains("Dit kunt u hier doen"), browser.text("main"));
    }

    @Test
    void residentSignsInAndMayNotManage() {
        browser.login("resident", DEMO_PASSWORD).open(HOME);
        assertTrue(browser.text("header").contains("Uitloggen"), browser.text("header"));
        assertFalse(browser.menu().contains("Beheer"), browser.menu().toString());
        browser.axe("home signed in").screenshot("home-resident");
        assertEquals(403, browser.status(ADMIN));
        assertEquals(403, browser.status(ADMIN + "leden"));
        assertEquals(403, browser.status("/platform/"));
        assertEquals(403, browser.status("/platform/bundels"));
        assertEquals(200, browser.status("/platform/mijn-logboek/lindeholt"));
        browser.open("/platform/mijn-logboek/lindeholt");
        browser.axe("my log (resident)");
        browser.open(ADMIN);
        assertEquals("Er ging iets mis", browser.heading());
        browser.axe("error page");
    }

    @Test
    void visitorsAreSentToSignIn() {
        assertEquals(303, browser.status(ADMIN));
        assertEquals(303, browser.status("/platform/"));
        assertEquals(303, browser.status("/platform/mijn-logboek/lindeholt"));
        assertEquals(404, browser.status("/bestaat-niet/"));
    }

    /** Issue 4: the resident home page weighs under 100 kB (HTML + CSS + JS, logo excluded). */
    @Test
    void homePageWeighsUnderTheBudget() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = platform.baseUri().toString().replaceAll("/$", "");
        HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(base + HOME)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, page.statusCode());
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        long total = page.body().length;
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:link[^>]+href|script[^>]+src)=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertFalse(assets.isEmpty(), "the page links its stylesheet");
        for (String asset : assets) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + asset.replace("&amp;", "&"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), asset);
            total += r.body().length;
        }
        System.out.println("Resident home page weight: " + total + " bytes (" + assets + ")");
        assertTrue(total < PAGE_BUDGET_BYTES, "home page weighs " + total + " bytes");
    }

    @Test
    void skipLinkComesFirstForKeyboardUsers() {
        browser.open(HOME);
        assertEquals("Naar de inhoud", browser.tab());
    }

    /** WCAG 1.4.10: at 400% zoom (320 CSS pixels wide) nothing needs sideways scrolling. */
    @Test
    void pagesReflowOnANarrowScreen() {
        try {
            browser.windowSize(320, 800);
            for (String path : List.of("/", HOME, "/login", "/lindeholt/privacy")) {
                browser.open(path);
                assertFalse(browser.scrollsSideways(), path + " scrolls sideways at 320 px");
            }
            browser.open(HOME).screenshot("home-smal");
        } finally {
            browser.windowSize(1280, 900);
        }
    }

    /** Printed pages (a notice board) leave out menus and buttons and keep the content. */
    @Test
    void printLeavesOutNavigation() {
        browser.open(HOME).printMedia(true);
        try {
            assertEquals("none", browser.css("nav.sr-nav", "display"));
            assertEquals("none", browser.css("a.sr-button", "display"));
            assertEquals("block", browser.css("main", "display"));
        } finally {
            browser.printMedia(false);
        }
    }
}
