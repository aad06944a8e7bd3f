package nl.samenredzaam.e2e.wmointake;

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
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * The conversation with the real calendar and volunteering modules enabled: the professional signs
 * the resident up for an upcoming activity and asks for a volunteer, from the file. (Without them,
 * only free text is offered: see {@link WmoIntakeIT} and the module's CooperationTest.)
 */
class WmoIntakeCooperationIT {

    static final String BASE = "/lindeholt/wmo-intake";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("wmo-intake-coop").demo().build();

    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "nl", "samenredzaam");
        Map<String, String> modules = Map.of("/lindeholt/calendar", "nl.samenredzaam.calendar", "/lindeholt/volunteering",
                "nl.samenredzaam.volunteering", BASE + "/mijn", "nl.samenredzaam.wmointake");
        Path deploy = Files.createDirectories(platform.dataDir().resolve("deploy"));
        boolean any = false;
        for (var e : modules.entrySet()) {
            if (status(e.getKey()) == 404) {
                copy(m2, e.getValue(), deploy);
                any = true;
            }
        }
        if (any && status(BASE + "/mijn") == 404) {
            copy(m2, "nl.samenredzaam.instruments", deploy);
        }
        Eventually.within(Duration.ofSeconds(60)).until(() -> modules.keySet().stream().allMatch(p -> status(p) != 404),
                () -> "calendar, volunteering and wmo-intake did not all come up; log:\n" + platform.logTail(60));
        browser = Browser.start(platform.baseUri().toString());
    }

    private static void copy(Path m2, String artifact, Path deploy) throws IOException {
        Path jar = m2.resolve(artifact).resolve("0.1.0-SNAPSHOT").resolve(artifact + "-0.1.0-SNAPSHOT.jar");
        Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
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

    @Test
    void fromTheConversationTheProfessionalSignsUpForAnActivityAndAsksForAVolunteer() {
        browser.login("professional", "lindeholt-demo").open(BASE);
        browser.submit("main a[href^='" + BASE + "/dossiers/']");
        String file = browser.path();

        Select activity = new Select(browser.driver().findElement(By.id("activity")));
        assertTrue(activity.getOptions().size() > 1, "upcoming activities from the calendar are offered");
        String title = activity.getOptions().get(1).getText();
        activity.selectByIndex(1);
        browser.submit("form[action='" + file + "/activiteit'] button[type=submit]");
        String main = browser.text("main");
        assertTrue(main.contains("Activiteit: " + title.substring(0, title.indexOf(" · "))), main);

        Select category = new Select(browser.driver().findElement(By.id("helpCategory")));
        assertTrue(category.getOptions().size() > 1, "the initiative's help categories are offered");
        category.selectByIndex(1);
        browser.fill("helpDescription", "Iemand die meegaat naar de koffieochtend.");
        browser.submit("form[action='" + file + "/vrijwilliger'] button[type=submit]");
        main = browser.text("main");
        assertTrue(main.contains("Vrijwilliger: Hulpvraag:"), main);
        browser.axe("wmo file with calendar and volunteering").screenshot("wmo-coop");
        assertTrue(List.of(200, 303).contains(browser.status("/lindeholt/volunteering")));
    }
}
