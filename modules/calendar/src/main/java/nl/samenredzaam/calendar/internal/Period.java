package nl.samenredzaam.calendar.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** A list, week or month of the calendar, in Europe/Amsterdam days. */
record Period(View view, LocalDate first, LocalDate end) {

    /** How the calendar is shown. */
    enum View {
        LIST, WEEK, MONTH;

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int LIST_DAYS = 28;

    static Period of(String view, String date, LocalDate today) {
        View v;
        try {
            v = view == null ? View.LIST : View.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v = View.LIST;
        }
        LocalDate d = today;
        if (date != null) {
            try {
                d = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                d = today;
            }
        }
        return switch (v) {
            case LIST -> new Period(v, d, d.plusDays(LIST_DAYS));
            case WEEK -> {
                LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(v, monday, monday.plusWeeks(1));
            }
            case MONTH -> {
                LocalDate first = d.withDayOfMonth(1);
                yield new Period(v, first, first.plusMonths(1));
            }
        };
    }

    Instant from() {
        return first.atStartOfDay(Recurrence.ZONE).toInstant();
    }

    Instant to() {
        return end.atStartOfDay(Recurrence.ZONE).toInstant();
    }

    LocalDate previous() {
        return switch (view) {
            case LIST -> first.minusDays(LIST_DAYS);
            case WEEK -> first.minusWeeks(1);
            case MONTH -> first.minusMonths(1);
        };
    }

    LocalDate next() {
        return end;
    }

    /** "week 49 (30 november – 6 december 2026)", "december 2026", "1 – 28 december 2026". */
    String title(Formats f, boolean dutch) {
        return switch (view) {
            case MONTH -> f.month(first);
            case WEEK -> (dutch ? "Week " : "Week ") + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ": " + f.day(first) + " – "
                    + f.day(end.minusDays(1));
            case LIST -> f.day(first) + " – " + f.day(end.minusDays(1));
        };
    }
}
