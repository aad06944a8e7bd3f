package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.Html;

/** The page layout, rendered by the real precompiled template. */
class LayoutTest {

    private static final Initiative LINDEHOLT = new Initiative(7, "lindeholt", "Dorpszorg <Lindeholt>", false);

    private static String render(Locale locale, Theme theme, String userName) {
        Messages msg = Messages.of(Shell.class, locale);
        PageModel model = new PageModel(msg, msg.locale().getLanguage(), "Buurtnieuws", LINDEHOLT,
                List.of(new PageModel.NavItem("Buurtnieuws", "/lindeholt/buurtnieuws", true)), userName, "tok", new Html("<p>inhoud</p>"),
                "/lindeholt/?lang=en", null, theme, null);
        return Templates.page(model);
    }

    @Test
    void dutchPageHasSkipLinkLanguageAndEscapedName() {
        String html = render(Locale.forLanguageTag("nl"), Theme.standard(), null);
        assertTrue(html.contains("<html lang=\"nl\">"), html);
        assertTrue(html.contains("href=\"#inhoud\">Naar de inhoud</a>"), html);
        assertTrue(html.contains("<main id=\"inhoud\""), html);
        assertTrue(html.contains("Dorpszorg &lt;Lindeholt&gt;"), html);
        assertFalse(html.contains("<Lindeholt>"), html);
        assertTrue(html.contains("aria-current=\"page\""), html);
        assertTrue(html.contains("href=\"/lindeholt/privacy\""), html);
        assertFalse(html.contains("thema.css"), "the standard theme needs no extra stylesheet");
        assertFalse(html.contains("style="), "no inline styles (CSP)");
        assertFalse(html.contains("<script"), "no scripts");
    }

    @Test
    void englishPageAndTheme() {
        Theme theme = new Theme("#2a6e3f", "image/png", new byte[] {1}, "info@lindeholt.example", "0512 123 456", "Dorpsstraat 1", "Welkom", 42);
        String html = render(Locale.ENGLISH, theme, "Henk");
        assertTrue(html.contains("<html lang=\"en\">"), html);
        assertTrue(html.contains("Skip to content"), html);
        assertTrue(html.contains("Signed in as Henk"), html);
        assertTrue(html.contains("href=\"/platform/thema/lindeholt/thema.css?v=42\""), html);
        assertTrue(html.contains("src=\"/platform/thema/lindeholt/logo?v=42\""), html);
        assertTrue(html.contains("href=\"tel:0512123456\""), html);
        assertTrue(html.contains("mailto:info@lindeholt.example"), html);
        assertTrue(html.contains("name=\"_csrf\" value=\"tok\""), html);
    }
}
