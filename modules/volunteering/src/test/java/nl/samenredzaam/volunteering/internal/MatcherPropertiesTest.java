package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.property.Tries;
import nl.samenredzaam.volunteering.internal.matching.Candidate;
import nl.samenredzaam.volunteering.internal.matching.MatchHistory;
import nl.samenredzaam.volunteering.internal.matching.MatchRequest;
import nl.samenredzaam.volunteering.internal.matching.Matcher;
import nl.samenredzaam.volunteering.internal.matching.Ranking;
import nl.samenredzaam.volunteering.internal.matching.Slots;
import nl.samenredzaam.volunteering.internal.matching.Suggestion;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/**
 * The ranking in memory, on random candidates: the best {@code k} are exactly the first {@code k}
 * of the full ranking (the bounded heap loses nobody), the list is in order (score, then load,
 * then user id), each candidate appears at most once, and a request that needs a VOG only gets
 * candidates with a valid one, with the others counted.
 */
class MatcherPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String[] CATEGORIES = {"boodschappen", "vervoer", "gezelschap"};

    @Test
    void theTopKAreTheFirstKOfTheFullRankingInOrder() {
        Tries.run("top k of the ranking", 42L, Tries.count(1000), random -> {
            List<Candidate> candidates = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                VogStatus vog = VogStatus.values()[random.nextInt(VogStatus.values().length)];
                candidates.add(new Candidate(1 + (long) random.nextInt(1000) * 100 + i, "V" + i, Set.of(CATEGORIES[random.nextInt(3)]),
                        random.nextInt(Slots.ALL + 1), random.nextBoolean() ? Set.of() : Set.of("dorpskern"), random.nextBoolean(),
                        vog, random.nextBoolean() ? null : TODAY.minusDays(random.nextInt(1500) - 20), random.nextInt(7)));
            }
            Map<Long, Integer> helps = new HashMap<>();
            for (Candidate c : candidates) {
                if (random.nextInt(5) == 0) {
                    helps.put(c.userId(), 1 + random.nextInt(5));
                }
            }
            boolean needsVog = random.nextBoolean();
            MatchRequest request = new MatchRequest(CATEGORIES[random.nextInt(3)], random.nextInt(Slots.ALL + 1),
                    random.nextBoolean() ? "dorpskern" : null, needsVog, random.nextBoolean());
            MatchHistory history = new MatchHistory(helps);
            Ranking all = Matcher.rank(request, candidates, history, TODAY);
            int k = 1 + random.nextInt(10);
            Ranking top = Matcher.rank(request, candidates, history, TODAY, k);
            List<Suggestion> full = all.suggestions();
            assertEquals(full.subList(0, Math.min(k, full.size())).stream().map(s -> s.candidate()).toList(),
                    top.suggestions().stream().map(s -> s.candidate()).toList());
            for (int i = 1; i < full.size(); i++) {
                Suggestion p = full.get(i - 1);
                Suggestion s = full.get(i);
                assertTrue(p.score() > s.score() || p.score() == s.score() && (p.candidate().currentLoad() < s.candidate().currentLoad()
                        || p.candidate().currentLoad() == s.candidate().currentLoad()
                        && p.candidate().userId() <= s.candidate().userId()), "order at " + i);
            }
            Set<Candidate> seen = new HashSet<>();
            int withoutVog = 0;
            for (Candidate c : candidates) {
                if (needsVog && !VogStatus.isValid(c.vogStatus(), c.vogIssuedOn(), TODAY)) {
                    withoutVog++;
                }
            }
            for (Suggestion s : full) {
                assertTrue(seen.add(s.candidate()), "once");
                assertTrue(!needsVog || VogStatus.isValid(s.candidate().vogStatus(), s.candidate().vogIssuedOn(), TODAY));
                assertEquals(s.score(), s.reasons().stream().mapToInt(r -> r.points()).sum(), "the reasons add up to the score");
            }
            assertEquals(withoutVog, all.withoutValidVog());
            assertEquals(candidates.size() - withoutVog, full.size());
        });
    }
}
