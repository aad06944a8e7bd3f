package nl.samenredzaam.e2e.volunteering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * Cooperation with the activity calendar in the running platform: with the calendar enabled, a
 * resident asks for transport to an upcoming activity picked from a list, and the request carries
 * the activity's date and time. (Without the calendar the form offers free text; see
 * {@code CalendarCooperationDbTest} in the module.) Drops the calendar and volunteering bundles
 * into the deploy folder when the runtime does not ship them yet.
 */
class VolunteeringCalendarIT {

    static final String BASE = "/lindeholt/volunteering";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("volunteering-calendar").demo().build();

    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        // the demo initiative first: before it exists every page of it is 404
        Eventually.within(Duration.ofSeconds(150)).until(() -> status("/lindeholt/") == 200,
                () -> "the demo initiative did not come up; log:\n" + platform.logTail(60));
        Path deploy = Files.createDirectories(platform.dataDir().resolve("deploy"));
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "nl", "samenredzaam");
        boolean dropped = false;
        for (String module : List.of("calendar", "volunteering")) {
            String path = module.equals("calendar") ? "/lindeholt/calendar" : BASE;
            if (!shipped(path)) {
                Path jar = m2.resolve("nl.samenredzaam." + module + "/0.1.0-SNAPSHOT/nl.samenredzaam." + module + "-0.1.0-SNAPSHOT.jar");
                Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                dropped = true;
            }
        }
        if (dropped) {
            Eventually.within(Duration.ofSeconds(150)).until(
                    () -> platform.log().contains("Module 'volunteering' available") && platform.log().contains("Module 'calendar' available"),
                    () -> "calendar and volunteering did not start; log:\n" + platform.logTail(60));
            if (!enabled()) {
                // the platform's demo loader can miss a module that arrives at run time (reported to the lead);
                // at start-up it catches up with every module there, so restart once
                platform.restart();
            }
            Eventually.within(Duration.ofSeconds(150)).until(VolunteeringCalendarIT::enabled,
                    () -> "calendar and volunteering are not enabled for the demo; log:\n" + platform.logTail(60));
        }
        browser = Browser.start(platform.baseUri().toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    static boolean shipped(String path) {
        try {
            Eventually.within(Duration.ofSeconds(20)).until(() -> status(path) != 404, path);
            return true;
        } catch (AssertionError notThere) {
            return false;
        }
    }

    static boolean enabled() {
        return status(BASE) == 303 && status("/lindeholt/calendar") != 404;
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

    @Test
    void aResidentAsksForARideToAnUpcomingActivity() {
        browser.login("resident", "lindeholt-demo").open(BASE + "/vragen/nieuw");
        Select activity = new Select(browser.driver().findElement(By.id("activity")));
        List<WebElement> options = activity.getOptions();
        assertTrue(options.size() > 1, "upcoming activities are offered");
        WebElement first = options.get(1);
        String title = first.getText().substring(0, first.getText().indexOf(" – "));
        activity.selectByIndex(1);
        browser.axe("volunteering new request with activities");
        browser.fill("description", "Ik kan er zelf niet komen. Wie haalt mij op?");
        browser.submit("form[action='" + BASE + "/vragen'] button[type=submit]");
        assertTrue(browser.path().matches(BASE + "/vragen/\\d+"), browser.path() + "\n" + browser.text("main"));
        String main = browser.text("main");
        assertTrue(main.contains("Vervoer"), main);
        assertTrue(main.contains(title), main);
        assertEquals(1, browser.all("main dd").stream().filter(d -> d.getText().startsWith(title)).count(), main);
        browser.axe("volunteering request for an activity");
    }
}
