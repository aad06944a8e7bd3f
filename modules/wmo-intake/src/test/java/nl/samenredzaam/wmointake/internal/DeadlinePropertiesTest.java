package nl.samenredzaam.wmointake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.property.Tries;
import nl.samenredzaam.wmointake.internal.deadline.Deadline;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineKind;
import nl.samenredzaam.wmointake.internal.deadline.TermRule;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;

/**
 * Properties of the Wmo deadlines for random dates, terms and moments, checked against oracles
 * written independently of the production code: Easter by Gauss's algorithm (production uses the
 * anonymous Gregorian one), the holidays of the Algemene termijnenwet, and the Dutch wall-clock
 * date from the EU summer-time rule (production uses the Europe/Amsterdam zone rules), so that a
 * melding or "today" just after midnight around a DST change falls on the right day.
 */
class DeadlinePropertiesTest {

    // ---- oracles ----

    /** Easter Sunday by Gauss's algorithm with its two exceptions. */
    static LocalDate gaussEaster(int y) {
        int a = y % 19;
        int b = y % 4;
        int c = y % 7;
        int k = y / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        if (d == 29 && e == 6) {
            return LocalDate.of(y, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(y, 4, 18);
        }
        return LocalDate.of(y, 3, 22).plusDays(d + e);
    }

    static boolean oracleNonWorking(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return true;
        }
        int y = d.getYear();
        LocalDate easter = gaussEaster(y);
        LocalDate kings = LocalDate.of(y, 4, 27).getDayOfWeek() == DayOfWeek.SUNDAY ? LocalDate.of(y, 4, 26) : LocalDate.of(y, 4, 27);
        return List.of(LocalDate.of(y, 1, 1), easter.plusDays(1), easter.plusDays(39), easter.plusDays(50), LocalDate.of(y, 12, 25),
                LocalDate.of(y, 12, 26), LocalDate.of(y, 5, 5), kings).contains(d);
    }

    /** The date on a Dutch wall clock: UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, else UTC+1. */
    static LocalDate oracleDutchDate(Instant t) {
        int y = LocalDateTime.ofInstant(t, ZoneOffset.UTC).getYear();
        Instant summerFrom = LocalDate.of(y, Month.MARCH, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)).atTime(1, 0)
                .toInstant(ZoneOffset.UTC);
        Instant summerTo = LocalDate.of(y, Month.OCTOBER, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)).atTime(1, 0)
                .toInstant(ZoneOffset.UTC);
        int hours = !t.isBefore(summerFrom) && t.isBefore(summerTo) ? 2 : 1;
        return LocalDateTime.ofInstant(t.plus(Duration.ofHours(hours)), ZoneOffset.UTC).toLocalDate();
    }

    static LocalDate randomDate(Random random) {
        return LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 110));
    }

    /** Mostly moments within hours of a DST change or of a Dutch midnight. */
    static Instant randomMoment(Random random) {
        int year = 1997 + random.nextInt(60);
        Month month = random.nextBoolean() ? Month.MARCH : Month.OCTOBER;
        Instant change = LocalDate.of(year, month, month.maxLength()).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY))
                .atTime(1, 0).toInstant(ZoneOffset.UTC);
        return switch (random.nextInt(3)) {
            case 0 -> change.plusSeconds(random.nextInt(6 * 3600) - 3 * 3600);
            case 1 -> randomDate(random).atTime(22, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(3 * 3600));
            default -> change.plus(Duration.ofDays(random.nextInt(400) - 200)).plusSeconds(random.nextInt(24 * 3600));
        };
    }

    static WmoTerms randomTerms(Random random) {
        return new WmoTerms(1 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(8), 1 + random.nextInt(12),
                random.nextInt(10), random.nextBoolean() ? TermRule.ALGEMENE_TERMIJNENWET : TermRule.CALENDAR_DAYS);
    }

    // ---- properties ----

    @Test
    void gaussAgreesWithKnownEasterDates() {
        // a check of the oracle itself
        assertEquals(LocalDate.of(2024, 3, 31), gaussEaster(2024));
        assertEquals(LocalDate.of(2025, 4, 20), gaussEaster(2025));
        assertEquals(LocalDate.of(2026, 4, 5), gaussEaster(2026));
        assertEquals(LocalDate.of(1981, 4, 19), gaussEaster(1981));
        assertEquals(LocalDate.of(1954, 4, 18), gaussEaster(1954));
    }

    @Test
    void aTermEndsOnTheFirstWorkingDayOnOrAfterTheCountedDay() {
        Tries.run("end of a term", 20261126L, Tries.count(1000), random -> {
            LocalDate start = randomDate(random);
            int days = 1 + random.nextInt(200);
            TermRule rule = random.nextBoolean() ? TermRule.ALGEMENE_TERMIJNENWET : TermRule.CALENDAR_DAYS;
            DeadlineClock clock = new DeadlineClock(new WmoTerms(7, 6, 2, 6, 3, rule));
            LocalDate counted = start.plusDays(days);
            LocalDate end = clock.end(start, days);
            String what = start + " + " + days + " days (" + rule + ") = " + end;
            if (rule == TermRule.CALENDAR_DAYS) {
                assertEquals(counted, end, what);
                return;
            }
            assertFalse(end.isBefore(counted), what);
            assertFalse(oracleNonWorking(end), "ends on a working day: " + what);
            for (LocalDate d = counted; d.isBefore(end); d = d.plusDays(1)) {
                assertTrue(oracleNonWorking(d), "skipped a working day " + d + ": " + what);
            }
            assertTrue(ChronoUnit.DAYS.between(counted, end) <= 4, "at most four days later (Christmas on a Friday): " + what);
        });
    }

    @Test
    void theDeadlinesOfAFileFollowItsFacts() {
        Tries.run("deadlines of a file", 7L, Tries.count(1000), random -> {
            WmoTerms terms = randomTerms(random);
            DeadlineClock clock = new DeadlineClock(terms);
            LocalDate melding = randomDate(random);
            LocalDate plan = random.nextBoolean() ? melding.plusDays(random.nextInt(20)) : null;
            LocalDate verslag = random.nextBoolean() ? melding.plusDays(random.nextInt(60)) : null;
            LocalDate aanvraag = verslag != null && random.nextBoolean() ? verslag.plusDays(random.nextInt(20)) : null;
            LocalDate beschikking = aanvraag != null && random.nextBoolean() ? aanvraag.plusDays(random.nextInt(30)) : null;
            LocalDate today = melding.plusDays(random.nextInt(200) - 10);
            List<Deadline> list = clock.deadlines(new DeadlineClock.Facts(melding, plan, verslag, aanvraag, beschikking), today);
            String what = terms + " " + list;
            List<DeadlineKind> kinds = list.stream().map(Deadline::kind).toList();
            assertEquals(List.of(DeadlineKind.PERSOONLIJK_PLAN, DeadlineKind.ONDERZOEK), kinds.subList(0, 2), what);
            assertEquals(aanvraag != null, kinds.contains(DeadlineKind.BESCHIKKING), what);
            assertEquals(beschikking != null, kinds.contains(DeadlineKind.BEZWAAR), what);
            for (Deadline d : list) {
                LocalDate start = switch (d.kind()) {
                    case PERSOONLIJK_PLAN, ONDERZOEK -> melding;
                    case BESCHIKKING -> aanvraag;
                    case BEZWAAR -> beschikking;
                };
                int days = switch (d.kind()) {
                    case PERSOONLIJK_PLAN -> terms.persoonlijkPlanDays();
                    case ONDERZOEK -> terms.onderzoekWeeks() * 7;
                    case BESCHIKKING -> terms.beschikkingWeeks() * 7;
                    case BEZWAAR -> terms.bezwaarWeeks() * 7;
                };
                assertEquals(start, d.start(), what);
                assertEquals(clock.end(start, days), d.due(), what);
                assertEquals(ChronoUnit.DAYS.between(today, d.due()), d.daysLeft(), what);
                LocalDate met = switch (d.kind()) {
                    case PERSOONLIJK_PLAN -> plan;
                    case ONDERZOEK -> verslag;
                    case BESCHIKKING -> beschikking;
                    case BEZWAAR -> null;
                };
                Deadline.State expected = met != null ? Deadline.State.MET
                        : d.daysLeft() < 0 ? Deadline.State.PASSED
                        : d.daysLeft() <= terms.warningDays() ? Deadline.State.DUE_SOON : Deadline.State.RUNNING;
                assertEquals(expected, d.state(), what);
                assertEquals(met != null && met.isAfter(d.due()), d.late(), what);
                assertEquals(d.state() == Deadline.State.PASSED && d.kind().isDuty(), d.overdue(), what);
            }
            Optional<Deadline> next = DeadlineClock.next(list);
            Optional<LocalDate> firstOpen = list.stream().filter(Deadline::open).map(Deadline::due).min(LocalDate::compareTo);
            assertEquals(firstOpen, next.map(Deadline::due), what);
        });
    }

    @Test
    void todayAndTheDaysLeftFollowTheDutchWallClockAcrossSummerTime() {
        Tries.run("Dutch dates around DST", 99L, Tries.count(1000), random -> {
            Instant meldingAt = randomMoment(random);
            IntakeService atMelding = new IntakeService(null, null, null, null, null, Clock.fixed(meldingAt, ZoneOffset.UTC));
            LocalDate melding = atMelding.today();
            assertEquals(oracleDutchDate(meldingAt), melding, "the date of a melding made at " + meldingAt);
            Instant later = meldingAt.plusSeconds(random.nextInt(60 * 24 * 3600));
            IntakeService atLater = new IntakeService(null, null, null, null, null, Clock.fixed(later, ZoneOffset.UTC));
            LocalDate today = atLater.today();
            assertEquals(oracleDutchDate(later), today, "today at " + later);
            DeadlineClock clock = new DeadlineClock(WmoTerms.WMO_2015);
            Deadline onderzoek = clock.deadlines(new DeadlineClock.Facts(melding, null, null, null, null), today).get(1);
            LocalDate sixWeeks = oracleDutchDate(meldingAt).plusWeeks(6);
            LocalDate due = sixWeeks;
            while (oracleNonWorking(due)) {
                due = due.plusDays(1);
            }
            assertEquals(due, onderzoek.due(), "six weeks after a melding at " + meldingAt);
            assertEquals(ChronoUnit.DAYS.between(oracleDutchDate(later), due), onderzoek.daysLeft(), "days left at " + later);
        });
    }
}
