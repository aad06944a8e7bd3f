package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class ContrastTest {

    @Test
    void blackOnWhiteIsTwentyOne() {
        assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 0.001);
        assertEquals(1.0, Contrast.ratio("#777777", "#777777"), 0.001);
    }

    @Test
    void platformColourIsReadable() {
        assertTrue(Contrast.readableOnWhite(Theme.DEFAULT_COLOUR));
    }

    @Test
    void lightColoursAreRefused() {
        assertFalse(Contrast.readableOnWhite("#ffcc00"));
        assertFalse(Contrast.readableOnWhite("#ffffff"));
        // #777777 is 4.48:1, just below AA; #767676 is 4.54:1, just above
        assertFalse(Contrast.readableOnWhite("#777777"));
        assertTrue(Contrast.readableOnWhite("#767676"));
    }

    @Test
    void normalisesWhatPeopleType() {
        assertEquals("#aabbcc", Contrast.normalise(" #ABC "));
        assertEquals("#1d5b8f", Contrast.normalise("1D5B8F"));
        assertEquals("", Contrast.normalise("blue"));
        assertEquals("", Contrast.normalise("#12345g"));
        assertEquals("", Contrast.normalise(null));
    }

    @Test
    void formatsRoundedDownInDutch() {
        assertEquals("4,4", Contrast.format(4.49, Locale.forLanguageTag("nl")));
        assertEquals("4.4", Contrast.format(4.49, Locale.ENGLISH));
    }
}
