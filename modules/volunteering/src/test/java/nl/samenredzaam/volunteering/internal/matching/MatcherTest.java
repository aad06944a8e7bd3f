package nl.samenredzaam.volunteering.internal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final int THURSDAY_MORNING = Slots.of(DayOfWeek.THURSDAY, 9 * 60, 11 * 60);

    private static Candidate volunteer(long id, Set<String> skills, int availability, Set<String> area, boolean car,
            VogStatus vog, LocalDate vogDate, int load) {
        return new Candidate(id, "V" + id, skills, availability, area, car, vog, vogDate, load);
    }

    private static Candidate plain(long id) {
        return volunteer(id, Set.of(), 0, Set.of(), false, VogStatus.NONE, null, 0);
    }

    private static List<Long> ids(Ranking r) {
        return r.suggestions().stream().map(s -> s.candidate().userId()).toList();
    }

    @Test
    void aRequestWithAVulnerablePersonOnlyGoesToVolunteersWithAValidVog() {
        MatchRequest buddy = new MatchRequest("gezelschap", 0, null, true, false);
        List<Candidate> candidates = List.of(
                volunteer(1, Set.of("gezelschap"), 0, Set.of(), false, VogStatus.NONE, null, 0),
                volunteer(2, Set.of("gezelschap"), 0, Set.of(), false, VogStatus.REQUESTED, null, 0),
                volunteer(3, Set.of(), 0, Set.of(), false, VogStatus.ISSUED, TODAY.minusYears(3), 0),      // expired today
                volunteer(4, Set.of(), 0, Set.of(), false, VogStatus.ISSUED, TODAY.minusYears(3).plusDays(1), 3),
                volunteer(5, Set.of(), 0, Set.of(), false, VogStatus.ISSUED, TODAY.plusDays(1), 0),        // not yet issued
                volunteer(6, Set.of(), 0, Set.of(), false, VogStatus.ISSUED, null, 0));
        Ranking r = Matcher.rank(buddy, candidates, MatchHistory.NONE, TODAY);
        assertEquals(List.of(4L), ids(r));
        assertEquals(5, r.withoutValidVog());
        assertTrue(r.suggestions().get(0).reasons().stream().anyMatch(x -> x.kind() == Reason.Kind.VOG));
    }

    @Test
    void withoutTheVulnerableFlagVogDoesNotExcludeAnyone() {
        MatchRequest shopping = new MatchRequest("boodschappen", 0, null, false, false);
        Ranking r = Matcher.rank(shopping, List.of(plain(1), plain(2)), MatchHistory.NONE, TODAY);
        assertEquals(List.of(1L, 2L), ids(r));
        assertEquals(0, r.withoutValidVog());
    }

    @Test
    void theVolunteerWhoHelpedThisPersonBeforeRanksAboveABetterFitStranger() {
        MatchRequest request = new MatchRequest("boodschappen", THURSDAY_MORNING, "dorpskern", false, false);
        Candidate stranger = volunteer(1, Set.of("boodschappen"), THURSDAY_MORNING, Set.of("Dorpskern"), false, VogStatus.NONE, null, 0);
        Candidate familiar = volunteer(2, Set.of(), THURSDAY_MORNING, Set.of(), false, VogStatus.NONE, null, 1);
        Ranking r = Matcher.rank(request, List.of(stranger, familiar), new MatchHistory(Map.of(2L, 3)), TODAY);
        assertEquals(List.of(2L, 1L), ids(r));
        Reason continuity = r.suggestions().get(0).reasons().stream().filter(x -> x.kind() == Reason.Kind.CONTINUITY).findFirst().orElseThrow();
        assertEquals(3, continuity.count());
        assertEquals(Matcher.CONTINUITY + 2 * Matcher.CONTINUITY_EACH, continuity.points());
    }

    @Test
    void skillTimeAreaAndCarEachCount() {
        MatchRequest ride = new MatchRequest("vervoer", THURSDAY_MORNING, "de Hoeve", false, true);
        Candidate all = volunteer(1, Set.of("vervoer"), THURSDAY_MORNING, Set.of("De Hoeve"), true, VogStatus.NONE, null, 0);
        Candidate noCar = volunteer(2, Set.of("vervoer"), THURSDAY_MORNING, Set.of("De Hoeve"), false, VogStatus.NONE, null, 0);
        Candidate otherArea = volunteer(3, Set.of("vervoer"), THURSDAY_MORNING, Set.of("Dorpskern"), true, VogStatus.NONE, null, 0);
        Candidate otherTime = volunteer(4, Set.of("vervoer"), Slots.of(DayOfWeek.MONDAY, null, null), Set.of("De Hoeve"), true, VogStatus.NONE, null, 0);
        Candidate noSkill = volunteer(5, Set.of("tuin"), THURSDAY_MORNING, Set.of("De Hoeve"), true, VogStatus.NONE, null, 0);
        Ranking r = Matcher.rank(ride, List.of(noCar, otherArea, otherTime, noSkill, all), MatchHistory.NONE, TODAY);
        assertEquals(1L, ids(r).get(0));
        int top = r.suggestions().get(0).score();
        assertEquals(Matcher.SKILL + Matcher.TIME_FULL + Matcher.AREA + Matcher.CAR + Matcher.FREE, top);
        for (Suggestion s : r.suggestions().subList(1, r.suggestions().size())) {
            assertTrue(s.score() < top, "candidate " + s.candidate().userId());
        }
        assertEquals(top - Matcher.CAR + Matcher.NO_CAR, scoreOf(r, 2));
        assertEquals(top - Matcher.AREA + Matcher.AREA_OTHER, scoreOf(r, 3));
        assertEquals(top - Matcher.TIME_FULL + Matcher.TIME_NONE, scoreOf(r, 4));
        assertEquals(top - Matcher.SKILL, scoreOf(r, 5));
    }

    @Test
    void partlyAvailableScoresBetweenFullAndNone() {
        int request = Slots.of(DayOfWeek.FRIDAY, 11 * 60, 13 * 60); // morning and afternoon
        int onlyMorning = Slots.bit(DayOfWeek.FRIDAY, 0);
        Candidate c = volunteer(1, Set.of(), onlyMorning, Set.of(), false, VogStatus.NONE, null, 0);
        Suggestion s = Matcher.rank(new MatchRequest("klussen", request, null, false, false), List.of(c), MatchHistory.NONE, TODAY)
                .suggestions().get(0);
        assertTrue(s.reasons().stream().anyMatch(x -> x.kind() == Reason.Kind.TIME_PARTLY));
    }

    @Test
    void aBusyVolunteerRanksBelowAnEquallyFitFreeOne_fairness() {
        MatchRequest request = new MatchRequest("klussen", 0, null, false, false);
        Candidate busy = volunteer(1, Set.of("klussen"), 0, Set.of(), false, VogStatus.NONE, null, 2);
        Candidate free = volunteer(2, Set.of("klussen"), 0, Set.of(), false, VogStatus.NONE, null, 0);
        Ranking r = Matcher.rank(request, List.of(busy, free), MatchHistory.NONE, TODAY);
        assertEquals(List.of(2L, 1L), ids(r));
        assertEquals(Matcher.FREE - 2 * Matcher.LOAD_EACH, r.suggestions().get(0).score() - r.suggestions().get(1).score());
        Candidate veryBusy = volunteer(3, Set.of(), 0, Set.of(), false, VogStatus.NONE, null, 50);
        Reason load = Matcher.rank(request, List.of(veryBusy), MatchHistory.NONE, TODAY).suggestions().get(0).reasons().stream()
                .filter(x -> x.kind() == Reason.Kind.LOAD).findFirst().orElseThrow();
        assertEquals(Matcher.LOAD_MAX, load.points());
        assertEquals(50, load.count());
    }

    @Test
    void tiesGoToTheLowerLoadThenTheLowerId() {
        MatchRequest request = new MatchRequest("klussen", 0, null, false, false);
        Ranking r = Matcher.rank(request, List.of(plain(9), plain(3), plain(5)), MatchHistory.NONE, TODAY);
        assertEquals(List.of(3L, 5L, 9L), ids(r));
    }

    @Test
    void theTopKIsTheSameAsThePrefixOfTheFullRanking_on10000Volunteers() {
        Random random = new Random(42);
        String[] cats = {"vervoer", "boodschappen", "klussen", "tuin", "gezelschap"};
        String[] areas = {"dorpskern", "de hoeve", "buitengebied"};
        List<Candidate> candidates = new ArrayList<>();
        Map<Long, Integer> helps = new java.util.HashMap<>();
        for (long id = 1; id <= 10_000; id++) {
            VogStatus vog = VogStatus.values()[random.nextInt(3)];
            candidates.add(volunteer(id, Set.of(cats[random.nextInt(cats.length)]), random.nextInt(Slots.ALL + 1),
                    random.nextBoolean() ? Set.of() : Set.of(areas[random.nextInt(areas.length)]), random.nextBoolean(), vog,
                    vog == VogStatus.ISSUED ? TODAY.minusDays(random.nextInt(1500)) : null, random.nextInt(4)));
            if (random.nextInt(500) == 0) {
                helps.put(id, 1 + random.nextInt(3));
            }
        }
        MatchRequest request = new MatchRequest("gezelschap", THURSDAY_MORNING, "de hoeve", true, false);
        MatchHistory history = new MatchHistory(helps);
        Ranking full = Matcher.rank(request, candidates, history, TODAY);
        Ranking top = Matcher.rank(request, candidates, history, TODAY, 20);
        assertEquals(20, top.suggestions().size());
        assertEquals(full.suggestions().subList(0, 20), top.suggestions());
        assertEquals(full.withoutValidVog(), top.withoutValidVog());
        assertEquals(10_000, full.suggestions().size() + full.withoutValidVog());
        for (int i = 1; i < full.suggestions().size(); i++) {
            assertFalse(Matcher.ORDER.compare(full.suggestions().get(i - 1), full.suggestions().get(i)) > 0);
        }
    }

    private static int scoreOf(Ranking r, long id) {
        return r.suggestions().stream().filter(s -> s.candidate().userId() == id).findFirst().orElseThrow().score();
    }
}
