package nl.samenredzaam.e2e.wmointake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * The Wmo intake in the running platform with the demo initiative: a professional walks a whole
 * intake from melding to closed file in a real browser (axe-core checked on every page), the resident
 * sees their own file and who looked at it, and other roles see nothing.
 *
 * <p>When the runtime does not ship the module, the test drops the bundles (instruments,
 * wmo-intake, which embeds OpenPDF) into the platform's deploy folder first, as an operator would.
 */
class WmoIntakeIT {

    static final String BASE = "/lindeholt/wmo-intake";
    static final String PASSWORD = "lindeholt-demo";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("wmo-intake").demo().build();

    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Deploy.ensure(platform, Map.of(BASE + "/mijn", "nl.samenredzaam.wmointake"));
        browser = Browser.start(platform.baseUri().toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    private static void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private static void date(String id, String isoDate) {
        WebElement field = browser.driver().findElement(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", field, isoDate);
    }

    private static String main() {
        return browser.text("main");
    }

    @Test
    void aProfessionalWalksAWholeIntakeFromMeldingToClosedFile() {
        browser.login("professional", PASSWORD).open(BASE);
        assertTrue(browser.heading().contains("werklijst"), browser.heading());
        browser.axe("wmo queue").screenshot("wmo-queue");

        browser.submit("a[href='" + BASE + "/nieuw']");
        browser.axe("wmo new melding");
        // first without consent and request: errors next to the fields, nothing lost
        browser.fill("residentName", "Kees Testbewoner");
        browser.submit("form[action='" + BASE + "/dossiers'] button[type=submit]");
        assertTrue(main().contains("Zonder toestemming kunnen wij de melding niet vastleggen."), main());
        assertEquals("Kees Testbewoner", browser.driver().findElement(By.id("residentName")).getAttribute("value"));
        browser.axe("wmo melding with errors").screenshot("wmo-melding-errors");

        browser.fill("requestText", "Ik kan niet meer zelf boodschappen doen sinds mijn heupoperatie.");
        select("reportedBy", "FAMILIE");
        browser.click("#consentProcessing");
        browser.submit("form[action='" + BASE + "/dossiers'] button[type=submit]");
        assertTrue(browser.path().matches(BASE + "/dossiers/\\d+"), browser.path());
        String file = browser.path();
        assertTrue(main().contains("Kees Testbewoner"));
        assertTrue(main().contains("Persoonlijk plan inleveren"));
        browser.axe("wmo file").screenshot("wmo-file");

        browser.submit("a[href='" + file + "/gesprek']");
        browser.axe("wmo conversation");
        browser.fill("vraag", "Weer zelf boodschappen doen.").fill("zelf", "Kookt zelf.")
                .fill("herwinnen", "Oefenen met lopen, fysiotherapie.").fill("netwerk", "Zoon helpt op zaterdag.")
                .fill("maatwerk", "Tijdelijk hulp bij het huishouden.");
        browser.submit("form[action='" + file + "/gesprek'] button[type=submit]");
        assertTrue(main().contains("Oefenen met lopen"), main());

        browser.submit("a[href='" + file + "/positieve-gezondheid']");
        browser.axe("wmo positive health");
        for (String d : List.of("lichaamsfuncties", "mentaal-welbevinden", "zingeving", "kwaliteit-van-leven", "meedoen",
                "dagelijks-functioneren")) {
            select(d, "6");
        }
        browser.click("#talk-meedoen");
        browser.submit("form[action='" + file + "/positieve-gezondheid'] button[type=submit]");
        assertFalse(browser.all("svg[role=img]").isEmpty(), "spider web shown");
        browser.submit("form[action='" + file + "/afspraak'] button[type=submit]");
        assertTrue(main().contains("Schrijf de afspraak op."), "empty arrangement refused next to the field");
        browser.fill("linkText", "Buurman rijdt naar de fysiotherapeut.");
        browser.submit("form[action='" + file + "/afspraak'] button[type=submit]");
        assertTrue(main().contains("Buurman rijdt naar de fysiotherapeut."));

        assertEquals(200, browser.status(file + "/verslag.pdf"), "the verslag PDF");
        browser.submit("form[action='" + file + "/stap/verslag'] button[type=submit]");
        browser.click("#agreed-ja");
        browser.submit("form[action='" + file + "/stap/reactie'] button[type=submit]");
        browser.submit("form[action='" + file + "/stap/aanvraag'] button[type=submit]");
        assertTrue(main().contains("Beslissing van de gemeente"), main());
        browser.click("#decision-TOEGEKEND");
        browser.submit("form[action='" + file + "/stap/beschikking'] button[type=submit]");
        assertTrue(main().contains("Bezwaar maken"));
        browser.axe("wmo file after decision");
        browser.fill("closeReason", "Ondersteuning geregeld.");
        browser.submit("form[action='" + file + "/stap/sluiten'] button[type=submit]");
        assertTrue(main().contains("Gesloten"), main());
        assertTrue(browser.all("form[action='" + file + "/stap/sluiten']").isEmpty(), "a closed file has no step forms");
        browser.axe("wmo closed file").screenshot("wmo-closed");

        browser.open(BASE);
        assertFalse(main().contains("Kees Testbewoner"), "closed files leave the queue");
        browser.open(BASE + "?closed=1");
        assertTrue(main().contains("Kees Testbewoner"));
    }

    @Test
    void theDemoResidentSeesTheirFileTheSpiderWebAndWhoLookedAtIt() {
        browser.login("resident", PASSWORD).open(BASE + "/mijn");
        browser.axe("wmo my files");
        List<WebElement> links = browser.all("main a[href^='" + BASE + "/dossiers/']");
        assertEquals(1, links.size(), main());
        browser.submit("main a[href^='" + BASE + "/dossiers/']");
        String file = browser.path();
        assertTrue(main().contains("Gerrit de Boer"));
        assertEquals(1, browser.all("svg[role=img] desc").size());
        assertTrue(browser.all("form[action^='" + file + "/stap']").isEmpty(), "the resident only reads");
        browser.axe("wmo resident file").screenshot("wmo-resident-file");
        browser.submit("a[href='" + file + "/inzage']");
        assertTrue(main().contains("U zelf"), main());
        browser.axe("wmo access log");
    }

    @Test
    void otherRolesNeitherListNorOpenFiles() {
        browser.login("professional", PASSWORD).open(BASE);
        List<String> files = browser.all("main a[href^='" + BASE + "/dossiers/']").stream().map(a -> a.getAttribute("href"))
                .map(h -> URI.create(h).getPath()).collect(Collectors.toList());
        assertFalse(files.isEmpty(), "the professional has demo files");
        browser.driver().manage().deleteAllCookies();
        for (String user : List.of("volunteer2", "referrer", "beheerder", "resident2")) {
            browser.login(user, PASSWORD);
            assertEquals(403, browser.status(BASE), user + " has no queue");
            for (String f : files) {
                int s = browser.status(f);
                if (user.equals("resident2") && s == 200) {
                    continue; // her own file
                }
                assertEquals(404, s, user + " opens " + f);
            }
            browser.driver().manage().deleteAllCookies();
        }
    }
}
