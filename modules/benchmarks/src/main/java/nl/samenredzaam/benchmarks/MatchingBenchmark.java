package nl.samenredzaam.benchmarks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import nl.samenredzaam.volunteering.internal.matching.Candidate;
import nl.samenredzaam.volunteering.internal.matching.MatchHistory;
import nl.samenredzaam.volunteering.internal.matching.MatchRequest;
import nl.samenredzaam.volunteering.internal.matching.Matcher;
import nl.samenredzaam.volunteering.internal.matching.Ranking;
import nl.samenredzaam.volunteering.internal.matching.Slots;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/**
 * Ranking volunteers for one help request (issue 6: 10,000 volunteers "in well under 50 ms").
 * A fixed seed makes every run rank the same fictional population.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatchingBenchmark {

    static final String[] SKILLS = {"vervoer", "boodschappen", "klussen", "tuin", "gezelschap", "administratie", "digitale-hulp", "huishouden"};
    static final String[] AREAS = {"centrum", "noord", "de-linde", "molenwijk", "buitengebied", "oost"};

    @Param({"1000", "10000"})
    public int volunteers;

    List<Candidate> candidates;
    MatchHistory history;
    MatchRequest transportWithVog;
    final LocalDate today = LocalDate.of(2026, 11, 26);

    @Setup
    public void setUp() {
        Random random = new Random(42);
        candidates = new ArrayList<>(volunteers);
        Map<Long, Integer> helps = new HashMap<>();
        for (int i = 0; i < volunteers; i++) {
            Set<String> skills = new java.util.HashSet<>(List.of(SKILLS[random.nextInt(SKILLS.length)], SKILLS[random.nextInt(SKILLS.length)]));
            int availability = 0;
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(3) == 0) {
                    availability |= Slots.bit(day, random.nextInt(Slots.PARTS));
                }
            }
            VogStatus vog = random.nextInt(3) == 0 ? VogStatus.ISSUED : VogStatus.NONE;
            LocalDate issued = vog == VogStatus.ISSUED ? today.minusDays(random.nextInt(1500)) : null;
            candidates.add(new Candidate(i + 1, "Vrijwilliger " + i, skills, availability, Set.of(AREAS[random.nextInt(AREAS.length)]),
                    random.nextBoolean(), vog, issued, random.nextInt(4)));
            if (random.nextInt(50) == 0) {
                helps.put((long) i + 1, 1 + random.nextInt(3));
            }
        }
        history = new MatchHistory(helps);
        transportWithVog = new MatchRequest("vervoer", Slots.bit(DayOfWeek.TUESDAY, 0), "de-linde", true, true);
    }

    /** The full ranking with reasons for every volunteer. */
    @Benchmark
    public Ranking rankAll() {
        return Matcher.rank(transportWithVog, candidates, history, today);
    }

    /** What the coordinator sees: the best ten with their reasons. */
    @Benchmark
    public Ranking rankTop10() {
        return Matcher.rank(transportWithVog, candidates, history, today, 10);
    }
}
