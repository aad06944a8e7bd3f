package nl.samenredzaam.web.internal;

import java.util.Locale;

/** Problem details of the platform are written "Nederlands / English"; a page shows the half in its language. */
final class Bilingual {

    private Bilingual() {
    }

    static String pick(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        int split = text.indexOf(" / ");
        if (split < 0) {
            return text;
        }
        return "en".equals(locale.getLanguage()) ? text.substring(split + 3) : text.substring(0, split);
    }
}
