package nl.samenredzaam.e2e.calendar;

import static nl.samenredzaam.e2e.calendar.CalendarDeploy.API;
import static nl.samenredzaam.e2e.calendar.CalendarDeploy.BASE;
import static nl.samenredzaam.e2e.calendar.CalendarDeploy.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * The calendar's pages in a real browser with the demo programme, each checked with axe-core (no
 * serious or critical violations): the calendar views, an activity, registering and "my
 * registrations", a coordinator registering someone by phone (errors next to the field, nothing
 * lost), attendance, the organiser's form, the printable list, the subscribe page and the programme.
 */
class CalendarPagesIT {

    @RegisterExtension
    static RunningPlatform platform = CalendarDeploy.platform("calendar-pages");

    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        CalendarDeploy.ensureRunning(platform);
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
        browser.printMedia(false);
        browser.driver().manage().deleteAllCookies();
    }

    static void clickAndWait(By by) {
        org.openqa.selenium.WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(by).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    static String main() {
        return browser.text("main");
    }

    @Test
    void aVisitorFindsActivitiesInListWeekAndMonthAndOnTheActivityPage() {
        browser.open(BASE);
        assertTrue(main().contains("Koffie-ochtend in het dorpshuis"), main());
        assertFalse(main().contains("Overleg vrijwilligers"), "members-only activities stay hidden for visitors");
        assertFalse(main().contains("Fietstocht"), "concepts stay hidden");
        browser.axe("calendar list").screenshot("calendar-list");
        browser.open(BASE + "?view=week");
        assertTrue(main().contains("Week "), main());
        browser.axe("calendar week");
        browser.open(BASE + "?view=month&category=eten");
        assertTrue(main().contains("Samen eten"), main());
        assertFalse(main().contains("Koffie-ochtend"), "the category filter works");
        browser.axe("calendar month filtered");
        browser.open(BASE + "/activities/3");
        assertEquals("Samen eten", browser.heading());
        assertTrue(main().contains("Vol. U kunt op de wachtlijst (2 wachtenden)"), main());
        assertTrue(main().contains("Log in om u in te schrijven"), main());
        browser.axe("calendar activity for a visitor").screenshot("calendar-activity");
        browser.windowSize(320, 800);
        assertFalse(browser.scrollsSideways(), "an activity fits an old phone (320 px)");
        browser.open(BASE);
        assertFalse(browser.scrollsSideways(), "the calendar fits an old phone (320 px)");
        browser.windowSize(1280, 1000);
        browser.open(BASE + "/abonneren");
        assertTrue(main().contains("Wat is abonneren?"));
        assertTrue(main().contains(platform.baseUri() + BASE + "/feed.ics"), main());
        browser.axe("calendar subscribe help");
        browser.open(BASE + "/programme?view=month");
        assertTrue(main().contains("Download als pdf"), main());
        browser.axe("calendar programme");
    }

    @Test
    void aResidentRegistersSeesItUnderMyRegistrationsAndUnregisters() {
        browser.login("resident", PASSWORD).open(BASE + "/activities/4");
        assertEquals("Stoelgym voor ouderen", browser.heading());
        browser.axe("calendar activity for a member");
        browser.submit("form[action='" + BASE + "/activities/4/register'] button");
        assertTrue(main().contains("U bent ingeschreven. Tot dan!"), main());
        assertTrue(main().contains("U: Ingeschreven"), main());
        browser.open(BASE + "/mine");
        assertTrue(main().contains("Stoelgym voor ouderen"), main());
        assertTrue(main().contains("Samen eten"), "the demo meal registration: " + main());
        browser.axe("calendar my registrations").screenshot("calendar-mine");
        clickAndWait(By.xpath("//li[p/a[normalize-space()='Stoelgym voor ouderen']]//button"));
        assertTrue(main().contains("U bent afgemeld."), main());
        assertFalse(main().contains("Stoelgym voor ouderen"), main());
    }

    @Test
    void aCoordinatorRegistersSomeoneByPhoneWithTheErrorNextToTheField() {
        browser.login("coordinator", PASSWORD).open(BASE + "/activities/3/participants");
        assertTrue(main().contains("Aaltje Postma"), main());
        assertTrue(main().contains("Hendrik Veenstra"), "the waitlist: " + main());
        browser.axe("calendar participants").screenshot("calendar-participants");
        browser.fill("name", "Bep Scholten");
        browser.submit("form[action='" + BASE + "/activities/3/on-behalf'] button[type=submit]");
        assertEquals("Vul een telefoonnummer of e-mailadres in.", browser.text("#phone-error").replace("⚠ ", ""));
        assertEquals("Bep Scholten", browser.driver().findElement(By.id("name")).getAttribute("value"), "nothing lost");
        browser.axe("calendar on-behalf form with an error");
        browser.fill("phone", "0512 345 999");
        browser.submit("form[action='" + BASE + "/activities/3/on-behalf'] button[type=submit]");
        assertTrue(main().contains("De activiteit is vol. De persoon staat op de wachtlijst."), main());
        assertTrue(browser.text("ol").contains("Bep Scholten"), "Bep is on the waitlist");
        browser.open(BASE + "/activities/3/participants/print");
        assertTrue(main().contains("Aaltje Postma"));
        browser.axe("calendar printable list");
    }

    @Test
    void aCoordinatorRecordsAttendanceOfLastWeeksWalk() {
        browser.login("coordinator", PASSWORD);
        Instant now = Instant.now();
        String from = OffsetDateTime.ofInstant(now.minus(8, ChronoUnit.DAYS), ZoneId.of("Europe/Amsterdam")).toString();
        String to = OffsetDateTime.ofInstant(now.minus(1, ChronoUnit.HOURS), ZoneId.of("Europe/Amsterdam")).toString();
        JsonNode past = platform.http().newSession().get(API + "/activities/1/occurrences?from=" + from.replace("+", "%2B")
                + "&to=" + to.replace("+", "%2B")).json();
        assertTrue(past.size() >= 1, past.toString());
        long ref = OffsetDateTime.parse(past.get(past.size() - 1).get("occurrence").asText()).toEpochSecond();
        browser.open(BASE + "/activities/1/participants?start=" + ref);
        assertTrue(main().contains("Bertus Wiersma"), main());
        browser.axe("calendar attendance");
        browser.click("input[type=radio][value=absent][name^=att-]");
        browser.submit("form[action='" + BASE + "/activities/1/attendance'] button.sr-button:not(.sr-button--link)");
        assertTrue(main().contains("De aanwezigheid is opgeslagen."), main());
    }

    @Test
    void theOrganisersFormShowsDutchErrorsNextToTheFieldsAndKeepsTheInput() {
        browser.login("coordinator", PASSWORD).open(BASE + "/activities/new");
        browser.axe("calendar new activity form");
        browser.fill("title", "Jeu de boules");
        browser.fill("date", "31-2-2027");
        browser.submit("form[action='" + BASE + "/activities'] button[type=submit]");
        assertEquals("Schrijf de datum als 1-12-2026.", browser.text("#date-error").replace("⚠ ", ""));
        assertEquals("Jeu de boules", browser.driver().findElement(By.id("title")).getAttribute("value"));
        browser.axe("calendar form with errors").screenshot("calendar-form-errors");
        browser.fill("date", "3-3-2027");
        browser.fill("capacity", "16");
        browser.submit("form[action='" + BASE + "/activities'] button[type=submit]");
        assertTrue(main().contains("De activiteit is opgeslagen."), main());
        assertEquals("Jeu de boules", browser.heading());
        assertTrue(main().contains("er zijn 16 plaatsen"), main());
    }

    @Test
    void aCoordinatorMovesOneTimeAndTheRegistrationsStay() {
        browser.login("coordinator", PASSWORD).open(BASE + "/activities/4/participants");
        assertTrue(main().contains("Mevrouw Jansen-Kuipers"), main());
        String day = java.time.LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(40)
                .format(java.time.format.DateTimeFormatter.ofPattern("d-M-uuuu"));
        browser.fill("moveDate", day);
        browser.fill("moveStart", "15:00");
        browser.fill("moveEnd", "14:00");
        browser.submit("form[action='" + BASE + "/activities/4/move-occurrence'] button[type=submit]");
        assertEquals("De eindtijd moet na de begintijd liggen.", browser.text("#moveEnd-error").replace("⚠ ", ""));
        assertEquals(day, browser.driver().findElement(By.id("moveDate")).getAttribute("value"), "nothing lost");
        browser.axe("calendar move form with an error");
        browser.fill("moveEnd", "16:00");
        browser.submit("form[action='" + BASE + "/activities/4/move-occurrence'] button[type=submit]");
        assertTrue(main().contains("Deze keer is verplaatst."), main());
        assertTrue(main().contains("15.00–16.00 uur (verplaatst)"), main());
        assertTrue(main().contains("Mevrouw Jansen-Kuipers"), "registrations stay");
    }

    @Test
    void residentsCannotReachTheOrganiserPages() {
        browser.login("resident", PASSWORD);
        assertEquals(403, browser.status(BASE + "/manage"));
        assertEquals(403, browser.status(BASE + "/activities/3/participants"));
        assertEquals(403, browser.status(BASE + "/activities/new"));
    }
}
