package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_TOTP_SECRET;
import static nl.samenredzaam.e2e.identity.AccountTesting.SLUG;
import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.find;
import static nl.samenredzaam.e2e.identity.AccountTesting.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/**
 * The consent register against the running platform with the demo: "Mijn toestemmingen" (give,
 * see, withdraw with one click each, history), the JSON API (problem+json for bad input), a
 * coordinator recording a paper form (audit log with both people), refusal for a volunteer, for the
 * operator (no member) and for a member of another initiative, the page in a browser with axe,
 * and the privacy export and erasure. That a new text version asks again is proved in identity's
 * ConsentDbTest (the running jar has one version of the volunteering texts).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentIT {

    static final String OPERATOR_PASSWORD = "operator-consent-secret-2026";
    static final String PAGE = "/platform/mijn-toestemmingen/" + SLUG;
    static final String API = "/api/v1/" + SLUG + "/consents";
    static final String PHONE = API + "/volunteering/share-phone";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("identity-consent").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).build();

    /**
     * The demo is whole as soon as /health says UP (RunningPlatform waited for that): core's demo loader
     * and start-level readiness keep /health at 503 until every module's demo data is in. So the resident
     * signs in at once and volunteering's purpose is listed, without waiting. (This once needed a polling
     * loop: /health said UP before the demo loader had enabled the modules.)
     */
    @org.junit.jupiter.api.BeforeAll
    static void demoReady() {
        demoIsWholeWhenHealthSaysUp(platform, true);
    }

    static void demoIsWholeWhenHealthSaysUp(RunningPlatform platform, boolean withVolunteering) {
        HttpJson http = new HttpJson(platform.baseUri());
        JsonResponse home = http.get("/" + SLUG + "/");
        assertEquals(200, home.status(), home.body());
        JsonResponse token = http.post("/api/v1/auth/token", Map.of("username", "resident", "password", DEMO_PASSWORD));
        assertEquals(200, token.status(), "the demo accounts exist when /health says UP: " + token.body());
        if (withVolunteering) {
            assertTrue(home.body().contains("/" + SLUG + "/volunteering"), "volunteering is enabled for the demo: " + home.body());
            JsonResponse list = http.withBearer(token.json().path("token").asText()).get(API);
            assertEquals(200, list.status(), list.body());
            assertTrue(list.body().contains("share-phone"), "volunteering's purpose is listed: " + list.body());
        }
    }

    private static HttpJson bearer(HttpJson http, String username, String password, String code) {
        Map<String, String> body = code == null ? Map.of("username", username, "password", password)
                : Map.of("username", username, "password", password, "code", code);
        JsonResponse token = http.post("/api/v1/auth/token", body);
        assertEquals(200, token.status(), token.body());
        return http.newSession().withBearer(token.json().path("token").asText());
    }

    private static JsonNode phonePurpose(JsonResponse list) {
        for (JsonNode p : list.json().path("purposes")) {
            if (p.path("module").asText().equals("volunteering") && p.path("purpose").asText().equals("share-phone")) {
                return p;
            }
        }
        throw new AssertionError("no volunteering/share-phone in " + list.body());
    }

    @Test
    @Order(1)
    void aResidentSeesGivesAndWithdrawsOnThePageWithOneClickEach(HttpJson http) {
        HttpJson gerrit = signedIn(http, "resident", DEMO_PASSWORD);
        JsonResponse page = gerrit.get(PAGE);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Mijn telefoonnummer delen met de vrijwilliger"), page.body());
        assertTrue(page.body().contains("U gaf toestemming op"), "the demo: Gerrit gave it");

        Map<String, String> withdraw = Map.of("_csrf", csrf(page), "module", "volunteering", "purpose", "share-phone", "version", "1",
                "answer", "withdraw");
        JsonResponse noToken = gerrit.postForm(PAGE, Map.of("module", "volunteering", "purpose", "share-phone", "version", "1",
                "answer", "withdraw"));
        assertEquals(403, noToken.status(), "no CSRF token");
        JsonResponse done = gerrit.postForm(PAGE, withdraw);
        assertEquals(303, done.status(), done.body());
        assertTrue(done.header("Location").orElse("").startsWith(PAGE + "?opgeslagen=1"));
        JsonResponse after = gerrit.get(PAGE);
        assertTrue(after.body().contains("U heeft uw toestemming ingetrokken op"), after.body());
        assertTrue(after.body().contains("Toestemming ingetrokken") && after.body().contains("Toestemming gegeven"), "history with both");

        JsonResponse again = gerrit.postForm(PAGE, Map.of("_csrf", csrf(after), "module", "volunteering", "purpose", "share-phone",
                "version", "1", "answer", "give"));
        assertEquals(303, again.status());
        assertTrue(gerrit.get(PAGE).body().contains("U gaf toestemming op"));

        JsonResponse stale = gerrit.postForm(PAGE, Map.of("_csrf", csrf(after), "module", "volunteering", "purpose", "share-phone",
                "version", "0", "answer", "give"));
        assertEquals(200, gerrit.get(PAGE).status());
        assertTrue(stale.status() == 303 || stale.status() == 409, "already given: nothing to do, or an old text: 409");
    }

    @Test
    @Order(2)
    void theApiListsGivesAndWithdrawsWithProblemsNamingTheField(HttpJson http) {
        HttpJson gerrit = bearer(http, "resident", DEMO_PASSWORD, null);
        JsonResponse list = gerrit.get(API);
        assertEquals(200, list.status(), list.body());
        JsonNode phone = phonePurpose(list);
        assertEquals(1, phone.path("version").asInt());
        assertTrue(phone.path("text").path("en").asText().contains("phone number"));

        JsonResponse withdrawn = gerrit.delete(PHONE);
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("withdrawn", withdrawn.json().path("state").asText());
        assertEquals("api", withdrawn.json().path("history").path(0).path("channel").asText());

        JsonResponse missing = gerrit.put(PHONE, Map.of());
        assertEquals(400, missing.status());
        assertTrue(missing.contentType().startsWith("application/problem+json"), missing.contentType());
        assertTrue(missing.body().contains("version"), missing.body());
        assertEquals(409, gerrit.put(PHONE, Map.of("version", 7)).status(), "a text the person did not read");
        assertEquals(404, gerrit.put(API + "/volunteering/no-such-purpose", Map.of("version", 1)).status());
        assertEquals(400, gerrit.get(API + "?person=abc").status());

        JsonResponse given = gerrit.put(PHONE, Map.of("version", 1));
        assertEquals(200, given.status(), given.body());
        assertEquals("given", given.json().path("state").asText());
        assertTrue(given.json().path("given").asBoolean());
    }

    @Test
    @Order(3)
    void aCoordinatorRecordsAPaperFormAndTheAuditLogNamesBoth(HttpJson http) {
        HttpJson ria = signedIn(http, "coordinator", DEMO_PASSWORD);
        JsonResponse own = ria.get(PAGE);
        assertEquals(200, own.status());
        String truus = find(own.body(), "<option value=\"(\\d+)\">Truus Bakker-Visser[^<]*</option>");
        JsonResponse forTruus = ria.get(PAGE + "/namens/" + truus);
        assertEquals(200, forTruus.status(), forTruus.body());
        assertTrue(forTruus.body().contains("U heeft uw toestemming ingetrokken op"), "the demo: Truus withdrew it");
        JsonResponse recorded = ria.postForm(PAGE + "/namens/" + truus, Map.of("_csrf", csrf(forTruus), "module", "volunteering",
                "purpose", "share-phone", "version", "1", "answer", "give"));
        assertEquals(303, recorded.status(), recorded.body());
        assertTrue(ria.get(PAGE + "/namens/" + truus).body().contains("Op papier, vastgelegd door Ria Jansen"));

        HttpJson anouk = bearer(http, AccountTesting.TOTP_ADMIN, DEMO_PASSWORD, AccountTesting.totp(DEMO_TOTP_SECRET, 0));
        JsonResponse audit = anouk.get("/api/v1/" + SLUG + "/audit?type=identity.consent&client=" + truus + "&limit=5");
        assertEquals(200, audit.status(), audit.body());
        JsonNode entry = audit.json().path("entries").path(0);
        assertEquals(Long.parseLong(truus), entry.path("onBehalfOf").asLong(), audit.body());
        assertEquals(Long.parseLong(truus), entry.path("clientId").asLong(), audit.body());
        assertFalse(entry.path("userId").isNull(), audit.body());
        assertTrue(entry.path("userId").asLong() != Long.parseLong(truus), "recorded by Ria, on Truus's behalf");
    }

    @Test
    @Order(4)
    void othersAreRefused(HttpJson http) {
        HttpJson gerrit = bearer(http, "resident", DEMO_PASSWORD, null);
        long gerritId = gerrit.get(API).json().path("person").asLong();

        HttpJson sanne = bearer(http, "volunteer", DEMO_PASSWORD, null);
        assertEquals(403, sanne.get(API + "?person=" + gerritId).status(), "a volunteer reads no one else's consents");
        assertEquals(403, sanne.send("PUT", PHONE, java.net.http.HttpRequest.BodyPublishers.ofString(
                "{\"version\":1,\"person\":" + gerritId + "}"), "application/json").status());
        assertEquals(403, signedIn(http, "volunteer", DEMO_PASSWORD).get(PAGE + "/namens/" + gerritId).status());

        HttpJson operator = bearer(http, "admin", OPERATOR_PASSWORD, null);
        assertEquals(403, operator.get(API).status(), "the operator is no member of Lindeholt");
        JsonResponse created = operator.post("/api/v1/platform/initiatives", Map.of("slug", "anderdorp", "name", "Anderdorp"));
        assertEquals(201, created.status(), created.body());

        HttpJson operatorPages = signedIn(http, "admin", OPERATOR_PASSWORD);
        JsonResponse members = operatorPages.get("/anderdorp/beheer/leden");
        assertEquals(200, members.status(), members.body());
        assertEquals(303, operatorPages.postForm("/anderdorp/beheer/leden/nieuw", Map.of("_csrf", csrf(members), "displayName", "Karin Anders",
                "username", "karin.anders", "password", "anderdorp coordinator 2026", "roles", "COORDINATOR")).status());
        HttpJson karin = bearer(http, "karin.anders", "anderdorp coordinator 2026", null);
        assertEquals(403, karin.get(API).status(), "a coordinator of another initiative");
        assertEquals(403, karin.get(API + "?person=" + gerritId).status());
        assertEquals(404, karin.get("/api/v1/anderdorp/consents?person=" + gerritId).status(), "Gerrit is no member there");
        assertEquals(403, signedIn(http, "karin.anders", "anderdorp coordinator 2026").get(PAGE).status());
    }

    @Test
    @Order(5)
    void thePageInABrowserPassesAxe() {
        try (Browser browser = Browser.start(platform.baseUri().toString())) {
            browser.login("resident", DEMO_PASSWORD);
            browser.open(PAGE);
            assertEquals("Mijn toestemmingen", browser.heading());
            browser.axe("consents").screenshot("mijn-toestemmingen");
            String button = "#t-volunteering-share-phone form button";
            boolean given = browser.text("#t-volunteering-share-phone").contains("U gaf toestemming op");
            browser.submit(button);
            assertTrue(browser.path().startsWith(PAGE + "?opgeslagen=1"), browser.path());
            assertEquals(!given, browser.text("#t-volunteering-share-phone").contains("U gaf toestemming op"), "one click changed it");
            browser.axe("consents saved");
            browser.submit(button);
            assertEquals(given, browser.text("#t-volunteering-share-phone").contains("U gaf toestemming op"), "one click back");
            browser.printMedia(true).screenshot("mijn-toestemmingen-print");
            browser.printMedia(false);
            browser.open("/" + SLUG + "/privacy");
            assertTrue(browser.driver().findElement(By.cssSelector("a[href='" + PAGE + "']")).isDisplayed(), "linked from the privacy page");
            browser.open("/" + SLUG + "/");
            assertTrue(browser.driver().findElement(By.cssSelector("main a[href='" + PAGE + "']")).isDisplayed(), "linked from the home page");
            browser.axe("home with my data");
            browser.logout();

            browser.login("coordinator", DEMO_PASSWORD);
            browser.open(PAGE);
            browser.axe("consents coordinator");
            browser.submit("form[action$='/namens'] button");
            assertTrue(browser.driver().findElement(By.id("persoon-error")).isDisplayed(), "choose a resident: error next to the field");
            browser.axe("consents coordinator with error");
            browser.logout();
        }
    }

    @Test
    @Order(6)
    void theExportHoldsTheHistoryAndErasureAnonymisesIt(HttpJson http) {
        HttpJson admin = signedIn(http, "beheerder", DEMO_PASSWORD);
        JsonResponse privacyPage = admin.get("/" + SLUG + "/beheer/privacy");
        assertEquals(200, privacyPage.status());
        String truus = find(admin.get("/" + SLUG + "/beheer/leden").body(), "/beheer/leden/(\\d+)\">Truus Bakker-Visser");
        JsonResponse export = admin.postForm("/" + SLUG + "/beheer/privacy/inzage", Map.of("_csrf", csrf(privacyPage), "lid", truus));
        assertEquals(200, export.status(), export.body());
        JsonNode consents = export.json().path("modules").path("identity").path("consents");
        assertTrue(consents.size() >= 2, export.body());
        assertEquals("share-phone", consents.path(0).path("purpose").asText());

        JsonResponse erased = admin.postForm("/" + SLUG + "/beheer/privacy/wissen", Map.of("_csrf", csrf(privacyPage), "lid", truus,
                "bevestigd", "ja"));
        assertEquals(200, erased.status(), erased.body());
        assertTrue(erased.body().contains("De toestemmingen ("), "the report says the consent records stay, and why: " + erased.body());
        assertTrue(erased.body().contains("art. 7"), erased.body());
    }
}
