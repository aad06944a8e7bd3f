package nl.samenredzaam.e2e.web;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.browser.Browser;

/** The browser harness itself must fail on a page with serious accessibility problems. */
class BrowserHarnessIT {

    @Test
    void axeFailsOnSeriousViolationsAndNamesThem() {
        try (Browser browser = Browser.start("http://localhost:1")) {
            browser.driver().get("data:text/html,<html><head><title>t</title></head><body><img src='x.png'><input type='text'></body></html>");
            AssertionError error = assertThrows(AssertionError.class, () -> browser.axe("bad page"));
            assertTrue(error.getMessage().contains("[critical] image-alt"), error.getMessage());
            assertTrue(error.getMessage().contains("[critical] label"), error.getMessage());
            assertTrue(Files.exists(Browser.SCREENSHOTS.resolve("axe-bad-page.png")));
        }
    }

    @Test
    void axePassesACleanPage() {
        try (Browser browser = Browser.start("http://localhost:1")) {
            browser.driver().get("data:text/html,<html lang='nl'><head><title>Goed</title></head><body><main><h1>Goed</h1>"
                    + "<label for='n'>Naam</label><input id='n'></main></body></html>");
            browser.axe("clean page");
        }
    }
}
