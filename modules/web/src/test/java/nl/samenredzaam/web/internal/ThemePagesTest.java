package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ThemePagesTest {

    @Test
    void recognisesImagesByTheirBytes() {
        assertEquals("image/png", ThemePages.imageType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}));
        assertEquals("image/jpeg", ThemePages.imageType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
        assertEquals("image/gif", ThemePages.imageType("GIF89a....".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("image/webp", ThemePages.imageType("RIFF....WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void refusesSvgAndOtherFiles() {
        assertNull(ThemePages.imageType("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes(StandardCharsets.UTF_8)));
        assertNull(ThemePages.imageType("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1)));
        assertNull(ThemePages.imageType(new byte[0]));
    }

    @Test
    void stylesheetCarriesTheTokens() {
        String css = ThemePages.css(Theme.standard().withColours("#2a6e3f"));
        assertTrue(css.contains("--sr-color-primary:#2a6e3f"), css);
        assertTrue(css.contains("--sr-color-primary-dark:#1f522f"), css);
    }
}
