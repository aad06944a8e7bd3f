package nl.samenredzaam.api.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * A short user-facing text in Dutch (the default, written at B1 level) and English.
 *
 * @param nl the Dutch text
 * @param en the English text
 */
public record Text(String nl, String en) {

    /** The platform's default language. */
    public static final Locale DUTCH = Locale.forLanguageTag("nl");

    public Text {
        Objects.requireNonNull(nl, "nl");
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String nl, String en) {
        return new Text(nl, en);
    }

    /** The text in the given language: English for {@code en}, Dutch otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : nl;
    }
}
