package nl.samenredzaam.e2e.wmointake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

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
        Deploy.ensure(platform, Map.of("/lindeholt/calendar", "nl.samenredzaam.calendar", "/lindeholt/volunteering",
                "nl.samenredzaam.volunteering", BASE + "/mijn", "nl.samenredzaam.wmointake"));
        browser = Browser.start(platform.baseUri().toString());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
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
        assertTrue(main.contains("aangemeld") || main.contains("op de wachtlijst"), "the calendar's state of the registration: " + main);

        Select category = new Select(browser.driver().findElement(By.id("helpCategory")));
        assertTrue(category.getOptions().size() > 1, "the initiative's help categories are offered");
        category.selectByIndex(1);
        browser.fill("helpDescription", "Iemand die meegaat naar de koffieochtend.");
        browser.submit("form[action='" + file + "/vrijwilliger'] button[type=submit]");
        main = browser.text("main");
        assertTrue(main.contains("Vrijwilliger: gevraagd voor "), main);
        browser.axe("wmo file with calendar and volunteering").screenshot("wmo-coop");
        assertTrue(List.of(200, 303).contains(browser.status("/lindeholt/volunteering")));
    }
}
