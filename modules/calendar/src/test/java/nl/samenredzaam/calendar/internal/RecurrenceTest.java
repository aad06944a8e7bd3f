package nl.samenredzaam.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static Instant ams(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Recurrence.ZONE).toInstant();
    }

    @Test
    void weeklyWalkKeepsItsLocalTimeAcrossSummerTime() {
        // Tuesdays 10:00 from 3 March 2026; summer time starts on 29 March 2026
        List<Instant> starts = Recurrence.starts(ams("2026-03-03T10:00"), "FREQ=WEEKLY;BYDAY=TU", Set.of(),
                ams("2026-03-01T00:00"), ams("2026-04-08T00:00"));
        assertEquals(6, starts.size());
        for (Instant s : starts) {
            assertEquals(LocalTime.of(10, 0), s.atZone(Recurrence.ZONE).toLocalTime());
        }
        assertEquals(ams("2026-03-31T10:00"), starts.get(4));
        assertEquals(Instant.parse("2026-03-31T08:00:00Z"), starts.get(4));
        assertEquals(Instant.parse("2026-03-24T09:00:00Z"), starts.get(3));
    }

    @Test
    void anUntilWithoutTimeOrZoneMeansThroughThatDayInLindeholt() {
        // found by RecurrenceFuzzTest: ical4j parsed these but failed expanding them (a 500)
        assertEquals("FREQ=WEEKLY;UNTIL=20261215T225959Z", Recurrence.normalize("FREQ=WEEKLY;UNTIL=20261215"));
        assertEquals("FREQ=WEEKLY;UNTIL=20260615T080000Z;BYDAY=MO", Recurrence.normalize("FREQ=WEEKLY;UNTIL=20260615T100000;BYDAY=MO"));
        assertEquals("FREQ=WEEKLY;UNTIL=20261215T090000Z", Recurrence.normalize("FREQ=WEEKLY;UNTIL=20261215T090000Z"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.normalize("FREQ=WEEKLY;UNTIL=20260230"));
        List<Instant> starts = Recurrence.starts(ams("2026-12-01T10:00"), "FREQ=WEEKLY;UNTIL=20261215", Set.of(),
                ams("2026-11-01T00:00"), ams("2027-02-01T00:00"));
        assertEquals(List.of(ams("2026-12-01T10:00"), ams("2026-12-08T10:00"), ams("2026-12-15T10:00")), starts);
        assertEquals(ams("2026-12-15T10:00"), Recurrence.lastStart(ams("2026-12-01T10:00"), "FREQ=WEEKLY;UNTIL=20261215", Set.of()));
    }

    @Test
    void summerBreakExceptionsAreLeftOut() {
        Set<LocalDate> summerBreak = Set.of(LocalDate.parse("2026-07-14"), LocalDate.parse("2026-07-21"),
                LocalDate.parse("2026-07-28"));
        List<Instant> starts = Recurrence.starts(ams("2026-06-02T10:00"), "FREQ=WEEKLY;BYDAY=TU", summerBreak,
                ams("2026-07-01T00:00"), ams("2026-08-01T00:00"));
        assertEquals(List.of(ams("2026-07-07T10:00")), starts);
        assertFalse(Recurrence.isOccurrence(ams("2026-06-02T10:00"), "FREQ=WEEKLY;BYDAY=TU", summerBreak, ams("2026-07-14T10:00")));
        assertTrue(Recurrence.isOccurrence(ams("2026-06-02T10:00"), "FREQ=WEEKLY;BYDAY=TU", summerBreak, ams("2026-08-04T10:00")));
        assertFalse(Recurrence.isOccurrence(ams("2026-06-02T10:00"), "FREQ=WEEKLY;BYDAY=TU", summerBreak, ams("2026-08-04T10:30")));
    }

    @Test
    void everyTwoWeeksWithCountAndUntil() {
        List<Instant> starts = Recurrence.starts(ams("2026-01-08T17:30"), "FREQ=WEEKLY;INTERVAL=2;COUNT=5", Set.of(),
                ams("2026-01-01T00:00"), ams("2027-01-01T00:00"));
        assertEquals(5, starts.size());
        assertEquals(ams("2026-03-05T17:30"), starts.get(4));
        assertEquals(ams("2026-03-05T17:30"), Recurrence.lastStart(ams("2026-01-08T17:30"), "FREQ=WEEKLY;INTERVAL=2;COUNT=5", Set.of()));
        Instant untilLast = Recurrence.lastStart(ams("2026-01-06T10:00"), "FREQ=WEEKLY;UNTIL=20260131T235959Z", Set.of());
        assertEquals(ams("2026-01-27T10:00"), untilLast);
        assertNull(Recurrence.lastStart(ams("2026-01-06T10:00"), "FREQ=WEEKLY", Set.of()));
    }

    @Test
    void periodBeforeTheFirstOccurrenceIsEmptyAndRangeIsHalfOpen() {
        assertEquals(List.of(), Recurrence.starts(ams("2026-05-05T10:00"), "FREQ=WEEKLY", Set.of(),
                ams("2026-04-01T00:00"), ams("2026-05-05T10:00")));
        assertEquals(1, Recurrence.starts(ams("2026-05-05T10:00"), "FREQ=WEEKLY", Set.of(),
                ams("2026-05-05T10:00"), ams("2026-05-05T10:00:01")).size());
    }

    @Test
    void singleEvent() {
        Instant at = ams("2026-02-10T14:00");
        assertEquals(List.of(at), Recurrence.starts(at, null, Set.of(), ams("2026-02-01T00:00"), ams("2026-03-01T00:00")));
        assertEquals(List.of(), Recurrence.starts(at, "", Set.of(LocalDate.parse("2026-02-10")), ams("2026-02-01T00:00"), ams("2026-03-01T00:00")));
        assertEquals(at, Recurrence.lastStart(at, null, Set.of()));
    }

    @Test
    void monthlySecondThursday() {
        List<Instant> starts = Recurrence.starts(ams("2026-01-08T19:30"), "FREQ=MONTHLY;BYDAY=2TH", Set.of(),
                ams("2026-01-01T00:00"), ams("2026-04-01T00:00"));
        assertEquals(List.of(ams("2026-01-08T19:30"), ams("2026-02-12T19:30"), ams("2026-03-12T19:30")), starts);
    }

    @Test
    void badRulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Recurrence.parse("FREQ=MINUTELY"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.parse("every tuesday"));
        assertThrows(IllegalArgumentException.class, () -> Recurrence.parse("FREQ=WEEKLY;BYDAY=XX"));
    }

    @Test
    void expansionIsBoundedForEndlessDailyRules() {
        List<Instant> starts = Recurrence.starts(ams("2020-01-01T09:00"), "FREQ=DAILY", Set.of(),
                ams("2020-01-01T00:00"), ams("2040-01-01T00:00"));
        assertTrue(starts.size() <= Recurrence.MAX_OCCURRENCES);
        assertEquals(31, Recurrence.starts(ams("2020-01-01T09:00"), "FREQ=DAILY", Set.of(),
                ams("2026-01-01T00:00"), ams("2026-02-01T00:00")).size());
    }

    @Test
    void expandingFromAFastForwardedSeedGivesTheSameOccurrencesAsFromTheFirst() {
        Instant first = ams("2023-01-03T10:00");
        String[] rules = {"FREQ=WEEKLY;BYDAY=TU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", "FREQ=MONTHLY;BYDAY=2TU",
            "FREQ=MONTHLY;INTERVAL=3", "FREQ=DAILY;INTERVAL=3", "FREQ=YEARLY;BYMONTH=1;BYDAY=1TU", "FREQ=WEEKLY;UNTIL=20261231T000000Z"};
        for (String rule : rules) {
            for (String month : new String[] {"2023-01-01", "2023-02-14", "2025-03-30", "2026-10-25", "2026-12-01"}) {
                Instant from = java.time.LocalDate.parse(month).atStartOfDay(Recurrence.ZONE).toInstant();
                Instant to = from.plus(java.time.Duration.ofDays(45));
                // the slow reference: ical4j from the very first occurrence, then cut to the period
                net.fortuna.ical4j.model.Recur<java.time.ZonedDateTime> recur = Recurrence.parse(rule);
                List<Instant> reference = recur.getDates(first.atZone(Recurrence.ZONE), first.atZone(Recurrence.ZONE),
                        to.atZone(Recurrence.ZONE), -1).stream().map(java.time.ZonedDateTime::toInstant)
                        .filter(i -> !i.isBefore(from) && i.isBefore(to)).sorted().toList();
                assertEquals(reference, Recurrence.starts(first, rule, Set.of(), from, to), rule + " from " + month);
            }
        }
    }

    @Test
    void aSeriesThatBeganYearsAgoIsExpandedFromJustBeforeThePeriod() {
        java.time.ZonedDateTime first = ams("2020-01-07T10:00").atZone(Recurrence.ZONE);
        java.time.ZonedDateTime period = ams("2026-12-01T00:00").atZone(Recurrence.ZONE);
        java.time.ZonedDateTime weekly = Recurrence.fastForward(Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"), first, period);
        assertTrue(weekly.isBefore(period), weekly.toString());
        assertTrue(weekly.isAfter(period.minusWeeks(5)), "within two intervals: " + weekly);
        assertEquals(0, java.time.temporal.ChronoUnit.WEEKS.between(first, weekly) % 2, "the fortnight phase is kept");
        assertEquals(java.time.LocalTime.of(10, 0), weekly.toLocalTime(), "the local time is kept");
        // rules where the walk's start matters are left alone
        assertEquals(first, Recurrence.fastForward(Recurrence.parse("FREQ=WEEKLY;COUNT=500"), first, period));
        java.time.ZonedDateTime day31 = ams("2020-01-31T10:00").atZone(Recurrence.ZONE);
        assertEquals(day31, Recurrence.fastForward(Recurrence.parse("FREQ=MONTHLY"), day31, period));
    }

    @Test
    void theCacheGivesTheSameAnswerAndForgetsNothingThatChanged() {
        Instant first = ams("2026-06-02T10:00");
        Instant from = ams("2026-07-01T00:00");
        Instant to = ams("2026-08-01T00:00");
        List<Instant> plain = Recurrence.starts(first, "FREQ=WEEKLY;BYDAY=TU", List.of(), from, to);
        assertEquals(plain, Recurrence.cachedStarts(first, "FREQ=WEEKLY;BYDAY=TU", List.of(), from, to));
        assertEquals(plain, Recurrence.cachedStarts(first, "FREQ=WEEKLY;BYDAY=TU", List.of(), from, to));
        List<Instant> withBreak = Recurrence.cachedStarts(first, "FREQ=WEEKLY;BYDAY=TU", List.of(LocalDate.parse("2026-07-14")), from, to);
        assertEquals(plain.size() - 1, withBreak.size(), "a changed exception list is another question");
    }
}
