package nl.samenredzaam.web.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colour contrast after WCAG 2.1 (relative luminance, contrast ratio). An initiative's primary
 * colour is used for the header background under white text, for links and buttons on white, so
 * it must reach {@value #AA_NORMAL_TEXT}:1 against white.
 */
final class Contrast {

    /** WCAG 2.1 AA minimum for normal text (success criterion 1.4.3). */
    static final double AA_NORMAL_TEXT = 4.5;

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Contrast() {
    }

    /** Whether the value is a colour such as {@code #1d5b8f}. */
    static boolean isHexColour(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** The colour in lower case, {@code #rrggbb}; also accepts {@code #rgb}. Empty text for anything else. */
    static String normalise(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.startsWith("#")) {
            v = "#" + v;
        }
        if (v.matches("#[0-9a-f]{3}")) {
            v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        return isHexColour(v) ? v : "";
    }

    /** Relative luminance of a {@code #rrggbb} colour, 0 (black) to 1 (white). */
    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Contrast ratio of two colours, 1 to 21. */
    static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Whether the colour can carry white text and be used as text on white (AA, normal text). */
    static boolean readableOnWhite(String hex) {
        return ratio(hex, "#ffffff") >= AA_NORMAL_TEXT;
    }

    /** The ratio rounded down to one decimal, as people read it ("3,9 : 1"). */
    static String format(double ratio, Locale locale) {
        return String.format(locale, "%.1f", Math.floor(ratio * 10) / 10);
    }
}
