package nl.samenredzaam.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-26");

    @Test
    void weekStartsOnMondayAndMonthOnTheFirst() {
        Period week = Period.of("week", null, TODAY);
        assertEquals(LocalDate.parse("2026-11-23"), week.first());
        assertEquals(LocalDate.parse("2026-11-30"), week.end());
        assertEquals(LocalDate.parse("2026-11-16"), week.previous());
        assertEquals("Week 48: maandag 23 november 2026 – zondag 29 november 2026", week.title(Formats.DUTCH, true));
        Period month = Period.of("month", "2026-12-15", TODAY);
        assertEquals(LocalDate.parse("2026-12-01"), month.first());
        assertEquals(LocalDate.parse("2027-01-01"), month.next());
        assertEquals("december 2026", month.title(Formats.DUTCH, true));
    }

    @Test
    void nonsenseFallsBackToTheList() {
        Period p = Period.of("<script>", "gisteren", TODAY);
        assertEquals(Period.View.LIST, p.view());
        assertEquals(TODAY, p.first());
        assertEquals(TODAY.plusDays(28), p.end());
    }

    @Test
    void dutchTimes() {
        assertEquals("dinsdag 1 december 2026, 10.00–11.30 uur",
                Formats.DUTCH.when(Fakes.ams("2026-12-01T10:00"), Fakes.ams("2026-12-01T11:30")));
        assertEquals("Tuesday 1 December 2026, 10:00–11:30",
                new Formats(java.util.Locale.ENGLISH).when(Fakes.ams("2026-12-01T10:00"), Fakes.ams("2026-12-01T11:30")));
    }
}
