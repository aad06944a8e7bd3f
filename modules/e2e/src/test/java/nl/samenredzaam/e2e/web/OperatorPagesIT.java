package nl.samenredzaam.e2e.web;

import static nl.samenredzaam.e2e.web.WebTesting.OPERATOR;
import static nl.samenredzaam.e2e.web.WebTesting.OPERATOR_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.browser.Browser;

/** The platform operator's pages at {@code /platform/}. */
class OperatorPagesIT {

    @RegisterExtension
    static RunningPlatform platform = WebTesting.platform("web-operator");

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = WebTesting.browser(platform);
        browser.login(OPERATOR, OPERATOR_PASSWORD);
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void everyOperatorPageIsAccessible() {
        for (String[] page : List.of(new String[] {"", "Platformbeheer"}, new String[] {"bundels", "Bundels"},
                new String[] {"gezondheid", "Gezondheid"}, new String[] {"initiatieven/lindeholt", "Dorpszorg Lindeholt"},
                new String[] {"bundels/nl.samenredzaam.buurtnieuws/verwijderen", "nl.samenredzaam.buurtnieuws verwijderen"})) {
            browser.open("/platform/" + page[0]);
            assertEquals(page[1], browser.heading(), page[0]);
            browser.axe("platform/" + page[0]).screenshot("platform-" + (page[0].isEmpty() ? "initiatieven" : page[0].replace('/', '-')));
        }
        assertTrue(browser.open("/platform/bundels").text("main table").contains("nl.samenredzaam.buurtnieuws"));
        assertTrue(browser.open("/platform/gezondheid").text("main").contains("Bereikbaar"));
    }

    /** The operator runs the platform but may not read or erase the personal data of an initiative's members. */
    @Test
    void operatorMayNotHandlePrivacyRequestsOrReadTheAuditLog() {
        assertEquals(200, browser.status("/lindeholt/beheer/"));
        assertEquals(403, browser.status("/lindeholt/beheer/privacy"));
        assertEquals(403, browser.status("/lindeholt/beheer/logboek"));
        assertEquals(403, browser.status("/lindeholt/beheer/logboek.csv"));
    }

    @Test
    void createRenameArchiveAndRestoreAnInitiative() {
        browser.open("/platform/").fill("name", "Stadsdorp Zuid").fill("slug", "Niet Goed!");
        browser.submit("form[action='/platform/initiatieven'] button[type=submit]");
        assertTrue(browser.driver().findElement(By.id("slug-error")).isDisplayed(), browser.text("main"));
        assertEquals("Stadsdorp Zuid", browser.driver().findElement(By.id("name")).getAttribute("value"));
        browser.axe("new initiative with error");

        browser.fill("slug", "stadsdorp-zuid");
        browser.submit("form[action='/platform/initiatieven'] button[type=submit]");
        assertEquals("/platform/initiatieven/stadsdorp-zuid?opgeslagen=1", browser.path());
        assertEquals(200, browser.status("/stadsdorp-zuid/"));

        // the operator appoints the first admin of the new initiative
        browser.submit("a[href='/stadsdorp-zuid/beheer/leden#nieuw']");
        browser.fill("displayName", "Fatima el Amrani").fill("username", "fatima.zuid").fill("password", "stadsdorp-zuid-beheer-1");
        browser.click("#new-role-ADMIN");
        browser.submit("form[action$='leden/nieuw'] button[type=submit]");
        assertTrue(browser.text("main table").contains("Fatima el Amrani"), browser.text("main"));
        browser.open("/platform/initiatieven/stadsdorp-zuid");

        browser.fill("name", "Stadsdorp Zuid-Oost").submit("input[value=hernoemen] ~ button");
        assertEquals("Stadsdorp Zuid-Oost", browser.heading());

        browser.submit("input[value=archiveren] ~ button");
        assertEquals(404, browser.status("/stadsdorp-zuid/"));
        browser.submit("input[value=terugzetten] ~ button");
        assertEquals(200, browser.status("/stadsdorp-zuid/"));

        // the admin of Lindeholt has no say in another initiative
        try (Browser lindeholtAdmin = Browser.start(platform.baseUri().toString())) {
            lindeholtAdmin.login("beheerder", WebTesting.DEMO_PASSWORD);
            assertEquals(200, lindeholtAdmin.status("/lindeholt/beheer/"));
            for (String page : List.of("", "leden", "rechten", "logboek", "privacy", "uitstraling")) {
                assertEquals(403, lindeholtAdmin.status("/stadsdorp-zuid/beheer/" + page), page);
            }
            assertEquals(403, lindeholtAdmin.status("/platform/"));
        }
        try (Browser newAdmin = Browser.start(platform.baseUri().toString())) {
            newAdmin.login("fatima.zuid", "stadsdorp-zuid-beheer-1");
            assertEquals(200, newAdmin.status("/stadsdorp-zuid/beheer/"));
            assertEquals(403, newAdmin.status("/lindeholt/beheer/"));
        }
    }

    @Test
    void uploadingSomethingThatIsNotABundleIsExplained() throws Exception {
        java.nio.file.Path notAJar = java.nio.file.Files.createTempFile("geen-bundel", ".jar");
        java.nio.file.Files.writeString(notAJar, "dit is geen jar");
        browser.open("/platform/bundels");
        browser.driver().findElement(By.id("bundel")).sendKeys(notAJar.toAbsolutePath().toString());
        browser.submit("form[action='/platform/bundels'] button[type=submit]");
        assertTrue(browser.text("#bundel-error").contains("geen"), browser.text("main"));
        browser.axe("bundles with error").screenshot("platform-bundels-fout");
    }

    @Test
    void installUpdateAndUninstallABundleThroughTheForm() throws Exception {
        java.nio.file.Path v1 = bundle("1.0.0");
        browser.open("/platform/bundels");
        browser.driver().findElement(By.id("bundel")).sendKeys(v1.toAbsolutePath().toString());
        browser.submit("form[action='/platform/bundels'] button[type=submit]");
        assertTrue(browser.text("[role=status]").contains("nl.samenredzaam.e2e.hello"), browser.text("main"));
        assertTrue(browser.text("main table").contains("nl.samenredzaam.e2e.hello"), browser.text("main table"));

        java.nio.file.Path v2 = bundle("1.1.0");
        browser.driver().findElement(By.id("bundel")).sendKeys(v2.toAbsolutePath().toString());
        browser.submit("form[action='/platform/bundels'] button[type=submit]");
        assertTrue(browser.text("[role=status]").contains("bijgewerkt"), browser.text("main"));
        assertTrue(browser.text("main table").contains("1.1.0"), browser.text("main table"));

        browser.submit("a[href='/platform/bundels/nl.samenredzaam.e2e.hello/verwijderen']");
        assertEquals("nl.samenredzaam.e2e.hello verwijderen", browser.heading());
        browser.submit("form[action$='verwijderen'] button[type=submit]");
        assertTrue(browser.text("[role=status]").contains("verwijderd"), browser.text("main"));
        assertTrue(!browser.text("main table").contains("nl.samenredzaam.e2e.hello"), browser.text("main table"));
    }

    /** A minimal bundle with no imports: it resolves and starts anywhere. */
    private static java.nio.file.Path bundle(String version) throws java.io.IOException {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        java.util.jar.Attributes a = manifest.getMainAttributes();
        a.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "nl.samenredzaam.e2e.hello");
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", "E2E hello");
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("hello-" + version + "-", ".jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("hello.txt"));
            out.write("hallo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
