package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import nl.samenredzaam.api.i18n.Text;

/** Dates and times as people read them, in Europe/Amsterdam: "dinsdag 1 december 2026, 10.00–11.30 uur". */
public final class Formats {

    private final Locale locale;
    private final boolean dutch;
    private final DateTimeFormatter day;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter time;
    private final DateTimeFormatter month;

    public Formats(Locale locale) {
        this.dutch = !"en".equals(locale.getLanguage());
        this.locale = dutch ? Text.DUTCH : Locale.ENGLISH;
        this.day = DateTimeFormatter.ofPattern(dutch ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy", this.locale);
        this.shortDay = DateTimeFormatter.ofPattern(dutch ? "EEE d MMM" : "EEE d MMM", this.locale);
        this.time = DateTimeFormatter.ofPattern(dutch ? "HH.mm" : "HH:mm", this.locale);
        this.month = DateTimeFormatter.ofPattern("MMMM yyyy", this.locale);
    }

    public static final Formats DUTCH = new Formats(Text.DUTCH);

    public Locale locale() {
        return locale;
    }

    private static ZonedDateTime local(Instant instant) {
        return instant.atZone(Recurrence.ZONE);
    }

    /** "dinsdag 1 december 2026" */
    public String day(LocalDate date) {
        return day.format(date);
    }

    public String day(Instant instant) {
        return day.format(local(instant));
    }

    /** "di 1 dec" */
    public String shortDay(Instant instant) {
        return shortDay.format(local(instant));
    }

    /** "10.00" */
    public String time(Instant instant) {
        return time.format(local(instant));
    }

    /** "10.00–11.30 uur" (end on another day: with its date). */
    public String times(Instant start, Instant end) {
        String to = local(start).toLocalDate().equals(local(end).toLocalDate()) ? time(end) : shortDay(end) + " " + time(end);
        return time(start) + "–" + to + (dutch ? " uur" : "");
    }

    /** "dinsdag 1 december 2026, 10.00–11.30 uur" */
    public String when(Instant start, Instant end) {
        return day(start) + ", " + times(start, end);
    }

    /** "december 2026" */
    public String month(LocalDate date) {
        return month.format(date);
    }

    /** The local date of an instant in Amsterdam. */
    public static LocalDate date(Instant instant) {
        return local(instant).toLocalDate();
    }

    /** ISO local date-time for form fields: "2026-12-01T10:00". */
    public static String isoLocal(Instant instant) {
        return local(instant).toLocalDateTime().toString();
    }
}
