package nl.samenredzaam.volunteering.internal.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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

    /**
     * The best {@code limit} eligible candidates, best first. Scores are computed as plain
     * numbers for everyone; the reasons (objects) only for those who make the list.
     */
    public static Ranking rank(MatchRequest request, Collection<Candidate> candidates, MatchHistory history, LocalDate today,
            int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Candidate[] all = candidates.toArray(new Candidate[0]);
        int n = all.length;
        int[] scores = new int[n];
        boolean[] validVog = new boolean[n];
        int[] eligible = new int[n];
        int count = 0;
        int withoutVog = 0;
        LocalDate cutoff = today.minusYears(VogStatus.VALID_YEARS); // same rule as VogStatus.isValid, computed once
        for (int i = 0; i < n; i++) {
            Candidate c = all[i];
            LocalDate issued = c.vogIssuedOn();
            validVog[i] = c.vogStatus() == VogStatus.ISSUED && issued != null && !issued.isAfter(today) && issued.isAfter(cutoff);
            if (request.needsVog() && !validVog[i]) {
                withoutVog++;
                continue;
            }
            scores[i] = score(request, c, history.helps(c.userId()), validVog[i], null);
            eligible[count++] = i;
        }
        IndexOrder order = new IndexOrder(all, scores);
        int[] chosen = count <= limit ? java.util.Arrays.copyOf(eligible, count) : top(eligible, count, limit, order);
        Integer[] boxed = new Integer[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            boxed[i] = chosen[i];
        }
        java.util.Arrays.sort(boxed, order);
        List<Suggestion> result = new ArrayList<>(boxed.length);
        for (int i : boxed) {
            List<Reason> reasons = new ArrayList<>(6);
            int points = score(request, all[i], history.helps(all[i].userId()), validVog[i], reasons);
            result.add(new Suggestion(all[i], points, reasons));
        }
        return new Ranking(result, withoutVog);
    }

    /** Best first: higher score, then lower load, then lower user id. */
    private record IndexOrder(Candidate[] all, int[] scores) implements Comparator<Integer> {
        @Override
        public int compare(Integer a, Integer b) {
            return compareIndex(a, b);
        }

        int compareIndex(int a, int b) {
            if (scores[a] != scores[b]) {
                return scores[a] > scores[b] ? -1 : 1;
            }
            int la = all[a].currentLoad();
            int lb = all[b].currentLoad();
            if (la != lb) {
                return la < lb ? -1 : 1;
            }
            return Long.compare(all[a].userId(), all[b].userId());
        }
    }

    /** The {@code k} best of the first {@code count} indices: a bounded heap whose root is the worst kept. */
    private static int[] top(int[] indices, int count, int k, IndexOrder order) {
        int[] heap = new int[k];
        int size = 0;
        for (int x = 0; x < count; x++) {
            int i = indices[x];
            if (size < k) {
                heap[size] = i;
                int child = size++;
                while (child > 0) {
                    int parent = (child - 1) / 2;
                    if (order.compareIndex(heap[child], heap[parent]) > 0) {
                        int t = heap[child];
                        heap[child] = heap[parent];
                        heap[parent] = t;
                        child = parent;
                    } else {
                        break;
                    }
                }
            } else if (order.compareIndex(i, heap[0]) < 0) {
                heap[0] = i;
                int parent = 0;
                while (true) {
                    int left = 2 * parent + 1;
                    int right = left + 1;
                    int worst = parent;
                    if (left < k && order.compareIndex(heap[left], heap[worst]) > 0) {
                        worst = left;
                    }
                    if (right < k && order.compareIndex(heap[right], heap[worst]) > 0) {
                        worst = right;
                    }
                    if (worst == parent) {
                        break;
                    }
                    int t = heap[worst];
                    heap[worst] = heap[parent];
                    heap[parent] = t;
                    parent = worst;
                }
            }
        }
        return heap;
    }

    /** The score of one candidate; when {@code reasons} is given, the reasons are added to it. */
    static int score(MatchRequest request, Candidate c, int helpedBefore, boolean validVog, List<Reason> reasons) {
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
        return score;
    }

    private static int add(List<Reason> reasons, Reason.Kind kind, int points, int count) {
        if (reasons != null) {
            reasons.add(new Reason(kind, points, count));
        }
        return points;
    }
}
