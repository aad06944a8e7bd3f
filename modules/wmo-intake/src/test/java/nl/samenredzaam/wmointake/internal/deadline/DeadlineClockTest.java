package nl.samenredzaam.wmointake.internal.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DeadlineClockTest {

    private final DeadlineClock atw = new DeadlineClock(WmoTerms.WMO_2015);
    private final DeadlineClock plain = new DeadlineClock(new WmoTerms(7, 6, 2, 6, 3, TermRule.CALENDAR_DAYS));

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void persoonlijkPlanEndsSevenDaysAfterTheMeldingOnAWorkingDay() {
        // Tuesday 3 November 2026 + 7 = Tuesday 10 November
        assertEquals(d(2026, 11, 10), atw.end(d(2026, 11, 3), 7));
    }

    @Test
    void aTermEndingOnSaturdayMovesToMonday() {
        // Saturday 3 January 2026 + 7 = Saturday 10 January → Monday 12 January
        assertEquals(DayOfWeek.SATURDAY, d(2026, 1, 10).getDayOfWeek());
        assertEquals(d(2026, 1, 12), atw.end(d(2026, 1, 3), 7));
        // with plain calendar days it stays on the Saturday
        assertEquals(d(2026, 1, 10), plain.end(d(2026, 1, 3), 7));
    }

    @Test
    void aTermEndingOnSundayMovesToMonday() {
        // Sunday 8 November 2026 = Sunday 1 November + 7
        assertEquals(d(2026, 11, 9), atw.end(d(2026, 11, 1), 7));
    }

    @Test
    void sevenDaysFromTheLastDayOfJanuaryCrossIntoFebruary() {
        // 31 January 2026 + 7 = Saturday 7 February → Monday 9 February
        assertEquals(d(2026, 2, 9), atw.end(d(2026, 1, 31), 7));
        assertEquals(d(2026, 2, 7), plain.end(d(2026, 1, 31), 7));
    }

    @Test
    void sixWeeksFromTheEndOfAMonthAndAcrossTheEndOfFebruary() {
        // 31 January 2026 (Saturday) + 42 = Saturday 14 March → Monday 16 March
        assertEquals(d(2026, 3, 16), atw.end(d(2026, 1, 31), 42));
        // 20 February 2026 + 42 = Friday 3 April (February has 28 days in 2026)
        assertEquals(d(2026, 4, 3), atw.end(d(2026, 2, 20), 42));
        // in the leap year 2028 the same melding ends a day earlier in the calendar: 2 April is a Sunday → Monday 3 April
        assertEquals(d(2028, 4, 3), atw.end(d(2028, 2, 20), 42));
    }

    @Test
    void twoWeeksFromTheLastDayOfAMonth() {
        // 30 April 2026 + 14 = Thursday 14 May 2026 (Hemelvaartsdag!) → Friday 15 May
        assertEquals(d(2026, 5, 15), atw.end(d(2026, 4, 30), 14));
        assertEquals(d(2026, 5, 14), plain.end(d(2026, 4, 30), 14));
    }

    @Test
    void publicHolidaysOfTheAlgemeneTermijnenwetExtendTheTerm() {
        // Easter 2026 is 5 April: Saturday 4 April → (Sunday 5, Easter Monday 6) → Tuesday 7 April
        assertEquals(d(2026, 4, 7), atw.end(d(2026, 3, 28), 7));
        // Christmas 2026: Friday 25 December → Monday 28 December
        assertEquals(d(2026, 12, 28), atw.end(d(2026, 12, 18), 7));
        // New Year 2027 is a Friday → Monday 4 January
        assertEquals(d(2027, 1, 4), atw.end(d(2026, 12, 25), 7));
        // Koningsdag Monday 27 April 2026 → Tuesday 28 April
        assertEquals(d(2026, 4, 28), atw.end(d(2026, 4, 20), 7));
        // 5 May (Tuesday in 2026) → 6 May
        assertEquals(d(2026, 5, 6), atw.end(d(2026, 4, 28), 7));
        // Whit Monday 2026 is 25 May → Tuesday 26 May
        assertEquals(d(2026, 5, 26), atw.end(d(2026, 5, 18), 7));
        // Good Friday (3 April 2026) is not a holiday under the Atw
        assertEquals(d(2026, 4, 3), atw.end(d(2026, 3, 27), 7));
    }

    @Test
    void holidaysAreComputedForOtherYears() {
        assertEquals(d(2027, 3, 28), DutchHolidays.easterSunday(2027));
        assertEquals(d(2025, 4, 20), DutchHolidays.easterSunday(2025));
        assertTrue(DutchHolidays.isHoliday(d(2027, 5, 6)), "Hemelvaart 2027");
        // 27 April 2025 is a Sunday: Koningsdag on Saturday 26 April
        assertTrue(DutchHolidays.isHoliday(d(2025, 4, 26)));
        assertFalse(DutchHolidays.isHoliday(d(2025, 4, 27)));
        assertFalse(DutchHolidays.isHoliday(d(2026, 4, 3)));
    }

    @Test
    void fileShowsTheTermsThatHaveStarted() {
        LocalDate melding = d(2026, 11, 2); // Monday
        var facts = new DeadlineClock.Facts(melding, null, null, null, null);
        List<Deadline> list = atw.deadlines(facts, d(2026, 11, 5));
        assertEquals(2, list.size());
        assertEquals(DeadlineKind.PERSOONLIJK_PLAN, list.get(0).kind());
        assertEquals(d(2026, 11, 9), list.get(0).due());
        assertEquals(Deadline.State.RUNNING, list.get(0).state());
        assertEquals(d(2026, 12, 14), list.get(1).due());
        assertEquals(39, list.get(1).daysLeft());
        assertEquals(DeadlineKind.PERSOONLIJK_PLAN, DeadlineClock.next(list).orElseThrow().kind());
    }

    @Test
    void statesFollowTheClock() {
        LocalDate melding = d(2026, 11, 2);
        var facts = new DeadlineClock.Facts(melding, null, null, null, null);
        // warning window: 3 days before 14 December
        Deadline soon = atw.deadlines(facts, d(2026, 12, 11)).get(1);
        assertEquals(Deadline.State.DUE_SOON, soon.state());
        Deadline lastDay = atw.deadlines(facts, d(2026, 12, 14)).get(1);
        assertEquals(Deadline.State.DUE_SOON, lastDay.state());
        assertEquals(0, lastDay.daysLeft());
        Deadline over = atw.deadlines(facts, d(2026, 12, 15)).get(1);
        assertEquals(Deadline.State.PASSED, over.state());
        assertTrue(over.overdue());
        // the plan term is a right: once over it is not "open" and not overdue
        Deadline plan = atw.deadlines(facts, d(2026, 12, 15)).get(0);
        assertFalse(plan.open());
        assertFalse(plan.overdue());
    }

    @Test
    void laterTermsStartFromAanvraagAndBeschikking() {
        var facts = new DeadlineClock.Facts(d(2026, 9, 1), d(2026, 9, 4), d(2026, 10, 1), d(2026, 10, 5), d(2026, 10, 16));
        List<Deadline> list = atw.deadlines(facts, d(2026, 10, 20));
        assertEquals(4, list.size());
        assertEquals(Deadline.State.MET, list.get(1).state());
        assertFalse(list.get(1).late());
        // aanvraag Monday 5 October + 14 = Monday 19 October; decided on the 16th
        assertEquals(d(2026, 10, 19), list.get(2).due());
        assertEquals(Deadline.State.MET, list.get(2).state());
        // bezwaar: Friday 16 October + 42 = Friday 27 November
        assertEquals(d(2026, 11, 27), list.get(3).due());
        assertEquals(DeadlineKind.BEZWAAR, DeadlineClock.next(list).orElseThrow().kind());
    }

    @Test
    void metLateIsRecordedAsLate() {
        var facts = new DeadlineClock.Facts(d(2026, 9, 1), null, d(2026, 10, 20), null, null);
        Deadline onderzoek = atw.deadlines(facts, d(2026, 10, 21)).get(1);
        assertEquals(d(2026, 10, 13), onderzoek.due());
        assertTrue(onderzoek.late());
    }

    @Test
    void configuredTermsAreUsed() {
        DeadlineClock longer = new DeadlineClock(new WmoTerms(7, 8, 2, 6, 3, TermRule.CALENDAR_DAYS));
        var facts = new DeadlineClock.Facts(d(2026, 1, 1), null, null, null, null);
        assertEquals(d(2026, 2, 26), longer.deadlines(facts, d(2026, 1, 1)).get(1).due());
    }
}
