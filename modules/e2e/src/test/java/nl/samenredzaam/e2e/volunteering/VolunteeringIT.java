package nl.samenredzaam.e2e.volunteering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * Volunteer matching in the running platform with the demo initiative, in a real browser (axe-core
 * checked on every page): a resident asks for help, a coordinator takes a request by phone and
 * matches it with the suggestions, a volunteer sees the address only after confirming, another
 * volunteer never sees the coordinator-only request, and the API answers the same.
 *
 * <p>When the runtime does not ship the module yet, the test drops the bundle into the platform's
 * deploy folder first, as an operator would.
 */
class VolunteeringIT {

    static final String BASE = "/lindeholt/volunteering";
    static final String API = "/api/v1/lindeholt/volunteering";
    static final String PASSWORD = "lindeholt-demo";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("volunteering").demo().build();

    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        // the demo initiative first: before it exists every page of it is 404
        Eventually.within(Duration.ofSeconds(150)).until(() -> status("/lindeholt/") == 200,
                () -> "the demo initiative did not come up; log:\n" + platform.logTail(60));
        if (!shipped(BASE)) {
            Path deploy = Files.createDirectories(platform.dataDir().resolve("deploy"));
            Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository",
                    "nl/samenredzaam/nl.samenredzaam.volunteering/0.1.0-SNAPSHOT/nl.samenredzaam.volunteering-0.1.0-SNAPSHOT.jar");
            Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        // the module's start page answers (303 to the sign-in) once the bundle runs and is enabled for the demo
        Eventually.within(Duration.ofSeconds(150)).until(() -> status(BASE) == 303,
                () -> "volunteering did not come up; log:\n" + platform.logTail(60));
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

    /**
     * Whether the runtime ships the module: its page answers once the demo loader has enabled it
     * (give it a moment after the initiative is there; dropping the bundle meanwhile would race it).
     */
    static boolean shipped(String path) {
        try {
            Eventually.within(Duration.ofSeconds(20)).until(() -> status(path) != 404, path);
            return true;
        } catch (AssertionError notThere) {
            return false;
        }
    }

    static int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.baseUri().resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String main() {
        return browser.text("main");
    }

    private static void select(String id, String value) {
        new Select(browser.driver().findElement(By.id(id))).selectByValue(value);
    }

    private static void date(String id, String isoDate) {
        WebElement field = browser.driver().findElement(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", field, isoDate);
    }

    /** Clicks the button found by XPath and waits for the next page. */
    private static void submitXpath(String xpath) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.xpath(xpath)).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    /** A JSON call with this browser's session and the page's CSRF token. */
    private static HttpResponse<String> api(String method, String path, String json) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        String csrf = browser.driver().findElement(By.cssSelector("input[name=_csrf]")).getAttribute("value");
        HttpRequest.Builder b = HttpRequest.newBuilder(platform.baseUri().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Cookie", cookies).header("X-CSRF-Token", csrf).header("Accept", "application/json");
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResidentAsksForHelpAndSeesErrorsNextToTheFieldsWithNothingLost() {
        browser.login("resident", PASSWORD).open(BASE);
        browser.axe("volunteering resident home").screenshot("volunteering-resident-home");
        browser.submit("a[href='" + BASE + "/vragen/nieuw']");
        browser.axe("volunteering new request");
        browser.fill("description", "Wie helpt mij met het ophangen van een schilderij?");
        browser.submit("form[action='" + BASE + "/vragen'] button[type=submit]");
        assertTrue(main().contains("Kies waar u hulp bij wilt."), main());
        assertEquals("Wie helpt mij met het ophangen van een schilderij?", browser.driver().findElement(By.id("description")).getAttribute("value"));
        browser.axe("volunteering request with errors").screenshot("volunteering-request-errors");
        select("category", "klussen");
        browser.fill("address", "Teststraat 1, Lindeholt");
        browser.fill("neighbourhood", "De Hoeve");
        browser.submit("form[action='" + BASE + "/vragen'] button[type=submit]");
        assertTrue(browser.path().matches(BASE + "/vragen/\\d+"), browser.path());
        assertTrue(main().contains("Ingediend"), main());
        assertTrue(main().contains("Teststraat 1"), "the resident sees their own address");
        browser.axe("volunteering request detail");
    }

    @Test
    void aCoordinatorTakesARequestByPhoneAndOnlyTheConfirmedVolunteerSeesTheAddress() throws Exception {
        browser.login("coordinator", PASSWORD).open(BASE + "/vragen/nieuw");
        browser.fill("forName", "Kees Testbewoner");
        select("category", "gezelschap");
        browser.fill("description", "Meneer zoekt iemand om eens per week mee te wandelen.");
        browser.fill("address", "Wandelpad 7, Lindeholt");
        browser.fill("phone", "0570 111222");
        browser.click("#vulnerable");
        browser.click("#visibility-coordinators");
        browser.submit("form[action='" + BASE + "/vragen'] button[type=submit]");
        String request = browser.path();
        assertTrue(request.matches(BASE + "/vragen/\\d+"), request);
        assertTrue(main().contains("Aangenomen"), "on behalf is shown: " + main());
        assertTrue(main().contains("Kees Testbewoner"));
        assertTrue(main().contains("Voorgestelde vrijwilligers"));
        assertTrue(main().contains("Heeft een geldige VOG"), main());
        browser.axe("volunteering coordinator detail with suggestions").screenshot("volunteering-suggestions");
        long id = Long.parseLong(request.substring(request.lastIndexOf('/') + 1));

        // Youssef is another volunteer: the coordinator-only request never reaches him
        browser.driver().manage().deleteAllCookies();
        browser.login("volunteer2", PASSWORD).open(BASE);
        assertFalse(main().contains("Meneer zoekt iemand"), main());
        assertEquals(404, browser.status(request));
        assertEquals(404, api("GET", API + "/requests/" + id, null).statusCode());
        String open = api("GET", API + "/requests?scope=open", null).body();
        assertFalse(open.contains("Meneer zoekt iemand"), open);
        browser.axe("volunteering volunteer home");

        // the coordinator proposes Sanne
        browser.driver().manage().deleteAllCookies();
        browser.login("coordinator", PASSWORD).open(request);
        submitXpath("//tr[th[contains(., 'Sanne')]]//form[input[@name='action' and @value='propose']]//button");
        assertTrue(main().contains("Voorgesteld"), main());

        // Sanne sees the request without the address, accepts, and then sees it
        browser.driver().manage().deleteAllCookies();
        browser.login("volunteer", PASSWORD).open(request);
        assertFalse(main().contains("Wandelpad 7"), main());
        assertFalse(main().contains("0570 111222"));
        assertTrue(main().contains("Naam, telefoon en adres ziet u als de afspraak is bevestigd."));
        browser.axe("volunteering proposed to volunteer");
        browser.submit("input[name=action][value=accept] + button");
        assertTrue(main().contains("Bevestigd"), main());
        assertTrue(main().contains("Wandelpad 7, Lindeholt"), main());
        assertTrue(main().contains("Kees Testbewoner"));
        browser.axe("volunteering confirmed for volunteer").screenshot("volunteering-confirmed");

        // done: hours and a short feedback
        browser.fill("hours", "1,5");
        browser.fill("feedback", "Mooie wandeling langs de Regge.");
        browser.submit("input[name=action][value=complete] ~ button[type=submit]");
        assertTrue(main().contains("Uitgevoerd"), main());
        assertTrue(main().contains("1:30"), main());
    }

    @Test
    void theDashboardHasChartsWithATableAlternativeAndOtherRolesCannotOpenIt() throws Exception {
        browser.login("coordinator", PASSWORD).open(BASE + "/overzicht");
        assertEquals(4, browser.all("svg[role=img] title").size());
        assertEquals(4, browser.all("svg[role=img] desc").size());
        assertTrue(browser.all("table.sr-table caption").size() >= 4);
        assertTrue(main().contains("Sanne Meijer"), "a VOG that expires soon: " + main());
        browser.axe("volunteering dashboard").screenshot("volunteering-dashboard");
        browser.open(BASE + "/vrijwilligers");
        browser.axe("volunteering volunteers");
        HttpResponse<String> bad = api("POST", API + "/requests", "{\"category\":\"raket\",\"description\":\"\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(bad.body().contains("category") && bad.body().contains("description"), bad.body());

        browser.driver().manage().deleteAllCookies();
        browser.login("resident", PASSWORD);
        assertEquals(403, browser.status(BASE + "/overzicht"));
        browser.open(BASE);
        assertEquals(403, api("GET", API + "/dashboard", null).statusCode());
        assertEquals(403, api("GET", API + "/requests?scope=all", null).statusCode());
    }

    @Test
    void aVolunteerKeepsAProfile() {
        browser.login("volunteer", PASSWORD).open(BASE + "/profiel");
        browser.axe("volunteering profile");
        assertTrue(browser.driver().findElement(By.id("skill-boodschappen")).isSelected());
        browser.click("#slot-6-0");
        browser.submit("form[action='" + BASE + "/profiel'] button[type=submit]");
        assertTrue(main().contains("Uw profiel is opgeslagen."), main());
        assertTrue(browser.driver().findElement(By.id("slot-6-0")).isSelected());
    }
}
