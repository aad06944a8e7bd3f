package nl.samenredzaam.volunteering.internal.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Ranks volunteers for one request: a pure function of the request, the candidates (with their
 * current load), the person's history and today's date. No database, no clock, no state, so it
 * is fast (10,000 volunteers in a few milliseconds) and easy to test and benchmark.
 *
 * <p>Weights (points): skill {@value #SKILL}; time fully {@value #TIME_FULL}, partly
 * {@value #TIME_PARTLY}, not at all {@value #TIME_NONE}; same neighbourhood {@value #AREA}, whole
 * area {@value #AREA_ALL}, another neighbourhood {@value #AREA_OTHER}; for transport a car
 * {@value #CAR} or no car {@value #NO_CAR}; valid VOG where needed {@value #VOG}; no work now
 * {@value #FREE}, else {@value #LOAD_EACH} per current request down to {@value #LOAD_MAX};
 * continuity {@value #CONTINUITY} plus {@value #CONTINUITY_EACH} per extra time, up to
 * {@value #CONTINUITY_MAX}. A request that needs a VOG leaves out everyone without a valid one.
 * Ties: lower load first, then lower user id (stable, fair, testable).
 */
public final class Matcher {

    static final int SKILL = 30;
    static final int TIME_FULL = 20;
    static final int TIME_PARTLY = 10;
    static final int TIME_NONE = -15;
    static final int AREA = 15;
    static final int AREA_ALL = 8;
    static final int AREA_OTHER = -10;
    static final int CAR = 15;
    static final int NO_CAR = -25;
    static final int VOG = 5;
    static final int FREE = 5;
    static final int LOAD_EACH = -8;
    static final int LOAD_MAX = -40;
    static final int CONTINUITY = 50;
    static final int CONTINUITY_EACH = 5;
    static final int CONTINUITY_MAX = 65;

    static final Comparator<Suggestion> ORDER = Comparator.comparingInt(Suggestion::score).reversed()
            .thenComparingInt(s -> s.candidate().currentLoad())
            .thenComparingLong(s -> s.candidate().userId());

    private Matcher() {
    }

    /** All eligible candidates, best first. */
    public static Ranking rank(MatchRequest request, Collection<Candidate> candidates, MatchHistory history, LocalDate today) {
        return rank(request, candidates, history, today, Integer.MAX_VALUE);
    }

    /** The best {@code limit} eligible candidates, best first. */
    public static Ranking rank(MatchRequest request, Collection<Candidate> candidates, MatchHistory history, LocalDate today,
            int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        boolean keepAll = limit >= candidates.size();
        List<Suggestion> all = keepAll ? new ArrayList<>(candidates.size()) : null;
        PriorityQueue<Suggestion> best = keepAll ? null : new PriorityQueue<>(limit + 1, ORDER.reversed());
        int withoutVog = 0;
        for (Candidate c : candidates) {
            boolean validVog = VogStatus.isValid(c.vogStatus(), c.vogIssuedOn(), today);
            if (request.needsVog() && !validVog) {
                withoutVog++;
                continue;
            }
            Suggestion s = score(request, c, history.helps(c.userId()), validVog);
            if (keepAll) {
                all.add(s);
            } else {
                best.add(s);
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Suggestion> result = keepAll ? all : new ArrayList<>(best);
        result.sort(ORDER);
        return new Ranking(result, withoutVog);
    }

    static Suggestion score(MatchRequest request, Candidate c, int helpedBefore, boolean validVog) {
        List<Reason> reasons = new ArrayList<>(6);
        int score = 0;
        if (c.skills().contains(request.category())) {
            score += add(reasons, Reason.Kind.SKILL, SKILL, 0);
        }
        if (request.slots() != 0) {
            int overlap = request.slots() & c.availability();
            if (overlap == request.slots()) {
                score += add(reasons, Reason.Kind.TIME_FULL, TIME_FULL, 0);
            } else if (overlap != 0) {
                score += add(reasons, Reason.Kind.TIME_PARTLY, TIME_PARTLY, 0);
            } else {
                score += add(reasons, Reason.Kind.TIME_NONE, TIME_NONE, 0);
            }
        }
        if (c.neighbourhoods().isEmpty()) {
            score += add(reasons, Reason.Kind.AREA_ALL, AREA_ALL, 0);
        } else if (request.neighbourhood() != null) {
            if (c.neighbourhoods().contains(request.neighbourhood())) {
                score += add(reasons, Reason.Kind.AREA, AREA, 0);
            } else {
                score += add(reasons, Reason.Kind.AREA_OTHER, AREA_OTHER, 0);
            }
        }
        if (request.needsCar()) {
            score += c.hasCar() ? add(reasons, Reason.Kind.CAR, CAR, 0) : add(reasons, Reason.Kind.NO_CAR, NO_CAR, 0);
        }
        if (request.needsVog() && validVog) {
            score += add(reasons, Reason.Kind.VOG, VOG, 0);
        }
        if (c.currentLoad() <= 0) {
            score += add(reasons, Reason.Kind.FREE, FREE, 0);
        } else {
            score += add(reasons, Reason.Kind.LOAD, Math.max(LOAD_MAX, LOAD_EACH * c.currentLoad()), c.currentLoad());
        }
        if (helpedBefore > 0) {
            int points = Math.min(CONTINUITY_MAX, CONTINUITY + CONTINUITY_EACH * (helpedBefore - 1));
            score += add(reasons, Reason.Kind.CONTINUITY, points, helpedBefore);
        }
        return new Suggestion(c, score, reasons);
    }

    private static int add(List<Reason> reasons, Reason.Kind kind, int points, int count) {
        reasons.add(new Reason(kind, points, count));
        return points;
    }
}
