package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.instruments.PositiveHealthDimension;

/** The monitor's figures against a data set worked out by hand, and the suppression of small counts. */
class MonitorFiguresTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);
    static final LocalDate MON = LocalDate.of(2026, 3, 2);

    private static MonitorFigures.Fact fact(ReferrerType type, List<String> reasons, ReferralStatus status, Integer contactAfterDays,
            boolean activity, Map<PositiveHealthDimension, Integer> before, Map<PositiveHealthDimension, Integer> after) {
        return new MonitorFigures.Fact(type, reasons, status, MON, contactAfterDays == null ? null : MON.plusDays(contactAfterDays), activity,
                before, after);
    }

    /**
     * Ten referrals: 7 from GPs, 3 from practice nurses (plus one entered in error, not counted).
     * Contact (calendar days after Monday 2 March → working days): 8 referrals, 1,1,2,3,4,4,7(=5 wd),9(=7 wd).
     * Activity: 6 of the 8 contacted. Measured before and after: 5, each +2 on mental wellbeing, 0 elsewhere but one -1 on body.
     */
    static List<MonitorFigures.Fact> knownSet() {
        List<MonitorFigures.Fact> facts = new ArrayList<>();
        Map<PositiveHealthDimension, Integer> before = Harness.scores(5, 4, 5, 5, 5, 5);
        Map<PositiveHealthDimension, Integer> after = Harness.scores(5, 6, 5, 5, 5, 5);
        Map<PositiveHealthDimension, Integer> afterWorseBody = Harness.scores(4, 6, 5, 5, 5, 5);
        int[] contact = {1, 1, 2, 3, 4, 4, 7, 9};
        for (int i = 0; i < 8; i++) {
            ReferrerType type = i < 6 ? ReferrerType.HUISARTS : ReferrerType.POH;
            List<String> reasons = i < 6 ? List.of("Eenzaamheid") : List.of("Eenzaamheid", "Rouw");
            boolean measured = i < 5;
            facts.add(fact(type, reasons, measured ? ReferralStatus.CLOSED : ReferralStatus.IN_PROGRESS, contact[i], i < 6,
                    measured ? before : null, measured ? (i == 0 ? afterWorseBody : after) : null));
        }
        facts.add(fact(ReferrerType.HUISARTS, List.of("Stress"), ReferralStatus.NEW, null, false, null, null));
        facts.add(fact(ReferrerType.POH, List.of("Stress"), ReferralStatus.UNREACHABLE, null, false, null, null));
        facts.add(fact(ReferrerType.HUISARTS, List.of("Stress"), ReferralStatus.ENTERED_IN_ERROR, 1, true, null, null));
        return facts;
    }

    private static MonitorFigures.Figures compute(List<MonitorFigures.Fact> facts) {
        return MonitorFigures.compute(FROM, TO, facts, 5, t -> t.name());
    }

    private static Map<String, MonitorFigures.Count> byLabel(List<MonitorFigures.Count> counts) {
        Map<String, MonitorFigures.Count> m = new LinkedHashMap<>();
        counts.forEach(c -> m.put(c.label(), c));
        return m;
    }

    @Test
    void figuresOfTheKnownSet() {
        MonitorFigures.Figures f = compute(knownSet());
        assertEquals(10, f.total().value());
        var types = byLabel(f.byReferrerType());
        assertNull(types.get("POH").value(), "3 is suppressed");
        assertNull(types.get("HUISARTS").value(), "7 too: with the total of 10 shown it would give the 3 away");
        assertEquals(0, types.get("FYSIOTHERAPEUT").value(), "zero may be shown");
        var reasons = byLabel(f.byReason());
        assertEquals(8, reasons.get("Eenzaamheid").value());
        assertNull(reasons.get("Rouw").value(), "2 is suppressed");
        assertNull(reasons.get("Stress").value(), "2 (the one in error not counted) is suppressed");

        // working days: 1,1,2,3,4,4,5,7 → 27 / 8 = 3.375 → 3.4; within 5: 7 of 8 = 87.5 %
        assertEquals(8, f.firstContact().n().value());
        assertEquals(3.4, f.firstContact().averageWorkingDays());
        assertEquals(87.5, f.firstContact().withinTargetPercent());
        // 6 of 8 contacted have an activity; but 8 - 6 = 2 is a small count: suppressed
        assertTrue(f.activity().suppressed());
        // 5 measured: mental +2, body (−1 + 0 × 4) / 5 = −0.2
        assertEquals(5, f.change().n().value());
        assertEquals(2.0, f.change().average().get(PositiveHealthDimension.MENTAAL_WELBEVINDEN));
        assertEquals(-0.2, f.change().average().get(PositiveHealthDimension.LICHAAMSFUNCTIES));
        assertEquals(0.0, f.change().average().get(PositiveHealthDimension.MEEDOEN));
    }

    @Test
    void theActivityShareShowsWhenBothPartsAreLargeEnough() {
        List<MonitorFigures.Fact> facts = new ArrayList<>(knownSet());
        for (int i = 0; i < 3; i++) {
            facts.add(fact(ReferrerType.HUISARTS, List.of("Bewegen"), ReferralStatus.IN_PROGRESS, 2, false, null, null));
        }
        MonitorFigures.Figures f = compute(facts);
        assertEquals(54.5, f.activity().percent(), "6 of 11");
    }

    @Test
    void aSingleSuppressedCellTakesTheNextSmallestWithIt() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("A", 20);
        counts.put("B", 6);
        counts.put("C", 3);
        counts.put("D", 0);
        var result = byLabel(MonitorFigures.suppress(counts, true));
        assertEquals(20, result.get("A").value());
        assertNull(result.get("B").value(), "otherwise B could be worked out from the total");
        assertNull(result.get("C").value());
        assertEquals(0, result.get("D").value());
        var independent = byLabel(MonitorFigures.suppress(counts, false));
        assertEquals(6, independent.get("B").value());
    }

    @Test
    void fewerThanFiveReferralsShowNothingAtAll() {
        List<MonitorFigures.Fact> four = knownSet().subList(0, 4);
        MonitorFigures.Figures f = compute(four);
        assertTrue(f.total().suppressed());
        assertEquals("< 5", f.total().shown());
        assertTrue(f.byReferrerType().stream().allMatch(MonitorFigures.Count::suppressed));
        assertTrue(f.byReason().isEmpty());
        assertTrue(f.firstContact().suppressed());
        assertTrue(f.change().suppressed());
        String csv = MonitorPages.csv(f, Messages.of(ReferralModule.class, Text.DUTCH));
        assertFalse(csv.matches("(?s).*;[1-4]\r\n.*"), "no small number anywhere in the export:\n" + csv);
    }

    @Test
    void theThresholdIsOneConstant() {
        assertEquals(5, MonitorFigures.MIN_COUNT);
        assertTrue(MonitorFigures.small(4));
        assertFalse(MonitorFigures.small(5));
        assertFalse(MonitorFigures.small(0));
    }

    @Test
    void theCsvHasEveryFigureAndNoPersonalData() {
        String csv = MonitorPages.csv(compute(knownSet()), Messages.of(ReferralModule.class, Text.DUTCH));
        assertTrue(csv.startsWith("onderdeel;omschrijving;waarde\r\n"));
        assertTrue(csv.contains("Aantal verwijzingen;;10\r\n"));
        assertTrue(csv.contains(";HUISARTS;*\r\n"), "hidden to protect the small count, not itself small");
        assertTrue(csv.contains(";POH;< 5\r\n"));
        assertTrue(csv.contains(";Gemiddeld aantal werkdagen;3.4\r\n"));
        assertTrue(csv.contains(";Mentaal welbevinden;2.0\r\n"));
        assertTrue(csv.contains(";Lichaamsfuncties;-0.2\r\n"));
    }
}
