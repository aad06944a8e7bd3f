package nl.samenredzaam.web.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people in the Netherlands read them: Europe/Amsterdam, day before month. */
final class Dates {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("d-M-yyyy 'om' HH:mm", Locale.forLanguageTag("nl"));
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter CSV = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Dates() {
    }

    /** E.g. {@code 26-11-2026 om 09:30} or {@code 26 Nov 2026, 09:30}, in Amsterdam time. */
    static String dateTime(Instant at, Locale locale) {
        if (at == null) {
            return "";
        }
        return ("en".equals(locale.getLanguage()) ? EN : NL).format(at.atZone(AMSTERDAM));
    }

    /** For spreadsheets: {@code 2026-11-26 09:30:00}, Amsterdam time. */
    static String sortable(Instant at) {
        return at == null ? "" : CSV.format(at.atZone(AMSTERDAM));
    }
}
