package nl.samenredzaam.e2e.web;

import static nl.samenredzaam.e2e.web.WebTesting.ADMIN;
import static nl.samenredzaam.e2e.web.WebTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.web.WebTesting.HOME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * The initiative admin's pages, signed in as the demo's {@code beheerder2}: the admin with two-step
 * verification (the audit log needs it), signing in with password and TOTP code.
 */
class AdminPagesIT {

    @RegisterExtension
    static RunningPlatform platform = WebTesting.platform("web-admin");

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = WebTesting.browser(platform);
        WebTesting.loginWithCode(browser, nl.samenredzaam.e2e.identity.AccountTesting.TOTP_ADMIN, DEMO_PASSWORD,
                nl.samenredzaam.e2e.identity.AccountTesting.DEMO_TOTP_SECRET);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static void toggle(String moduleId) {
        browser.open(ADMIN).submit("button[data-module='" + moduleId + "']");
        assertTrue(browser.path().startsWith(ADMIN + "?opgeslagen=1"), browser.path());
    }

    @Test
    void switchingAModuleOffHidesItAndOnBringsItBack() {
        browser.open(HOME);
        assertTrue(browser.menu().contains("Buurtnieuws"), browser.menu().toString());
        assertEquals("Staat aan", browser.open(ADMIN).text("#module-buurtnieuws .sr-switch-state"));
        browser.screenshot("switchboard");

        toggle("buurtnieuws");
        assertEquals("Staat uit", browser.text("#module-buurtnieuws .sr-switch-state"));
        browser.open(HOME);
        assertFalse(browser.menu().contains("Buurtnieuws"), browser.menu().toString());
        assertFalse(browser.text("main").contains("Buurtnieuws"), browser.text("main"));
        assertEquals(404, browser.status("/lindeholt/buurtnieuws"));
        assertEquals(404, browser.status("/api/v1/lindeholt/buurtnieuws/items"));
        browser.screenshot("home-without-buurtnieuws");

        toggle("buurtnieuws");
        assertEquals("Staat aan", browser.text("#module-buurtnieuws .sr-switch-state"));
        browser.open(HOME);
        assertTrue(browser.menu().contains("Buurtnieuws"), browser.menu().toString());
        assertNotEquals(404, browser.status("/lindeholt/buurtnieuws"));
    }

    @Test
    void everyAdminPageIsAccessible() {
        for (String[] page : List.of(new String[] {"", "Onderdelen aan- en uitzetten"}, new String[] {"leden", "Leden en rollen"},
                new String[] {"rechten", "Rechten per rol"}, new String[] {"logboek", "Logboek"},
                new String[] {"uitstraling", "Uitstraling en contact"}, new String[] {"privacy", "Privacyverzoeken"}, new String[] {"onderdelen/buurtnieuws", "Instellingen van Buurtnieuws"})) {
            browser.open(ADMIN + page[0]);
            assertEquals(page[1], browser.heading(), page[0]);
            browser.axe("beheer/" + page[0]).screenshot("beheer-" + (page[0].isEmpty() ? "onderdelen" : page[0]));
        }
        browser.open(ADMIN + "leden").submit("main table a");
        assertTrue(browser.path().matches("/lindeholt/beheer/leden/\\d+"), browser.path());
        browser.axe("beheer/leden/id").screenshot("beheer-lid");
        browser.open(ADMIN + "?lang=en");
        assertEquals("Switch services on and off", browser.heading());
        browser.axe("beheer in English");
        browser.open(ADMIN + "?lang=nl");
    }

    @Test
    void tooLightColourIsRefusedNextToTheField() {
        browser.open(ADMIN + "uitstraling").fill("kleur", "#ffdd55").fill("adres", "Dorpsstraat 1, Lindeholt");
        browser.submit("form[action$='uitstraling'] button[type=submit]");
        assertEquals("Uitstraling en contact", browser.heading());
        String error = browser.text("#kleur-error");
        assertTrue(error.contains("te licht") && error.contains("4,5 : 1"), error);
        assertEquals("true", browser.driver().findElement(By.id("kleur")).getAttribute("aria-invalid"));
        assertEquals("#ffdd55", browser.driver().findElement(By.id("kleur")).getAttribute("value"));
        assertEquals("Dorpsstraat 1, Lindeholt", browser.driver().findElement(By.id("adres")).getAttribute("value"));
        browser.axe("theme with error").screenshot("beheer-uitstraling-fout");
    }

    @Test
    void themeColourAndContactReachEveryPage() {
        browser.open(ADMIN + "uitstraling").fill("kleur", "#2a6e3f").fill("telefoon", "0512 123 456").fill("email", "info@lindeholt.example")
                .fill("welkom", "Wij zijn de bewoners van Lindeholt. Wij helpen elkaar.");
        browser.submit("form[action$='uitstraling'] button[type=submit]");
        assertTrue(browser.path().endsWith("uitstraling?opgeslagen=1"), browser.path());
        browser.open(HOME);
        assertTrue(browser.all("link[href*='/platform/thema/lindeholt/thema.css']").size() == 1, "theme stylesheet linked");
        assertTrue(browser.text("footer").contains("0512 123 456"), browser.text("footer"));
        assertTrue(browser.text("main").startsWith("Dorpszorg Lindeholt\nWij zijn de bewoners van Lindeholt."), browser.text("main"));
        String background = browser.driver().findElement(By.cssSelector(".sr-header")).getCssValue("background-color");
        assertEquals("rgba(42, 110, 63, 1)", background);
        browser.axe("home with theme").screenshot("home-thema");
    }

    @Test
    void newMemberWithMistakesKeepsWhatWasTyped() {
        browser.open(ADMIN + "leden").fill("displayName", "Gerda de Vries").fill("username", "g").fill("password", "kort");
        browser.submit("form[action$='leden/nieuw'] button[type=submit]");
        assertTrue(browser.driver().findElement(By.id("username-error")).isDisplayed());
        assertTrue(browser.driver().findElement(By.id("password-error")).isDisplayed());
        assertEquals("Gerda de Vries", browser.driver().findElement(By.id("displayName")).getAttribute("value"));
        browser.axe("members with errors").screenshot("beheer-leden-fout");

        browser.fill("username", "gerda.devries").fill("password", "zonnebloem-in-de-tuin-7");
        browser.click("#new-role-VOLUNTEER");
        browser.submit("form[action$='leden/nieuw'] button[type=submit]");
        assertTrue(browser.path().endsWith("leden?opgeslagen=1"), browser.path());
        assertTrue(browser.text("main table").contains("Gerda de Vries"), browser.text("main table"));

        // Gerda can sign in and see that the admin made her account (her right to see who handled her data)
        try (Browser gerda = Browser.start(platform.baseUri().toString())) {
            gerda.login("gerda.devries", "zonnebloem-in-de-tuin-7").open("/platform/privacy/lindeholt");
            gerda.submit("a[href='/platform/mijn-logboek/lindeholt']");
            assertEquals("Wie zag mijn gegevens?", gerda.heading());
            assertTrue(gerda.text("main").contains("Anouk Visser"), gerda.text("main"));
            gerda.axe("my log").screenshot("mijn-logboek");
        }
    }

    @Test
    void auditLogFiltersAndExports() {
        browser.open(ADMIN + "logboek").fill("gebruiker", "niemand-hier");
        browser.submit("form.sr-filter button[type=submit]");
        assertTrue(browser.text("#gebruiker-error").contains("geen lid"), browser.text("main"));
        browser.axe("audit with error");
        browser.open(ADMIN + "logboek?gebruiker=beheerder");
        assertEquals(200, browser.status(ADMIN + "logboek.csv?gebruiker=beheerder"));
        assertEquals(400, browser.status(ADMIN + "logboek?van=gisteren"));
    }

    @Test
    void moduleSettingsAreCheckedAndSaved() {
        browser.open(ADMIN).submit("a[href$='onderdelen/buurtnieuws']");
        assertEquals("Instellingen van Buurtnieuws", browser.heading());
        browser.fill("s-page-size", "12").submit("form.sr-form button[type=submit]");
        assertTrue(browser.path().endsWith("onderdelen/buurtnieuws?opgeslagen=1"), browser.path());
        assertEquals("12", browser.driver().findElement(By.id("s-page-size")).getAttribute("value"));
    }

    @Test
    void permissionTableSavesAChange() {
        browser.open(ADMIN + "rechten");
        List<org.openqa.selenium.WebElement> boxes = browser.all("input[name=grant]");
        if (boxes.isEmpty()) {
            assertTrue(browser.text("main").contains("geen eigen rechten"), browser.text("main"));
            return;
        }
        String value = boxes.get(0).getAttribute("value");
        boolean before = boxes.get(0).isSelected();
        boxes.get(0).click();
        browser.submit("form[action$='rechten'] button[type=submit]");
        assertTrue(browser.path().endsWith("rechten?opgeslagen=1"), browser.path());
        assertEquals(!before, browser.driver().findElement(By.cssSelector("input[value='" + value + "']")).isSelected());
        assertTrue(browser.text("main table").contains("Aangepast"), "a change from the default is marked");
        browser.click("input[value='" + value + "']").submit("form[action$='rechten'] button[type=submit]");
        assertEquals(before, browser.driver().findElement(By.cssSelector("input[value='" + value + "']")).isSelected());
    }

    @Test
    void privacyRequestNeedsAMemberAndConfirmation() {
        browser.open(ADMIN + "privacy").submit("form[action$='privacy/wissen'] button[type=submit]");
        assertTrue(browser.text("#lid-wissen-error").contains("Kies het lid"), browser.text("main"));
        browser.axe("privacy request with error");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("lid-wissen"))).selectByIndex(1);
        browser.submit("form[action$='privacy/wissen'] button[type=submit]");
        assertEquals("Gegevens echt wissen?", browser.heading());
        browser.axe("privacy erase confirmation").screenshot("beheer-privacy-bevestigen");
        browser.submit("a[href$='beheer/privacy']");
        assertEquals("Privacyverzoeken", browser.heading());
    }

    /** WCAG 1.4.10 at 320 CSS pixels; the wide data tables (permissions, audit log) scroll inside their own region instead. */
    @Test
    void adminFormsReflowOnANarrowScreen() {
        try {
            browser.windowSize(320, 800);
            for (String path : List.of(ADMIN, ADMIN + "leden", ADMIN + "uitstraling", ADMIN + "privacy", ADMIN + "rechten", ADMIN + "logboek")) {
                browser.open(path);
                assertFalse(browser.scrollsSideways(), path + " scrolls sideways at 320 px");
            }
            browser.open(ADMIN).screenshot("beheer-smal");
        } finally {
            browser.windowSize(1280, 900);
        }
    }
}
