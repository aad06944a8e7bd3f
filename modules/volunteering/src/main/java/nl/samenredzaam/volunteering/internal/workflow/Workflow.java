package nl.samenredzaam.volunteering.internal.workflow;

import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CANCELLED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CLOSED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CONFIRMED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.DONE;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.EXPIRED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.NO_MATCH;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.OPEN;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.PROPOSED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.SUBMITTED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;

/**
 * The one transition table of a help request. Every state change in the module goes through
 * {@link #require}; the repository then changes the row only if it is still in the expected
 * state ({@code where state = :from}), so two people acting at once cannot both win.
 *
 * <pre>
 * SUBMITTED → OPEN, PROPOSED, CONFIRMED, CANCELLED, NO_MATCH, EXPIRED
 * OPEN      → PROPOSED, CONFIRMED, CANCELLED, NO_MATCH, EXPIRED
 * PROPOSED  → CONFIRMED, OPEN (declined or withdrawn), CANCELLED, NO_MATCH, EXPIRED
 * CONFIRMED → DONE, OPEN (the volunteer can no longer help), CANCELLED
 * DONE      → CLOSED
 * NO_MATCH  → OPEN, CANCELLED
 * EXPIRED   → OPEN
 * CLOSED, CANCELLED: final
 * </pre>
 */
public final class Workflow {

    private static final Map<State, Set<State>> NEXT = new EnumMap<>(State.class);

    static {
        NEXT.put(SUBMITTED, EnumSet.of(OPEN, PROPOSED, CONFIRMED, CANCELLED, NO_MATCH, EXPIRED));
        NEXT.put(OPEN, EnumSet.of(PROPOSED, CONFIRMED, CANCELLED, NO_MATCH, EXPIRED));
        NEXT.put(PROPOSED, EnumSet.of(CONFIRMED, OPEN, CANCELLED, NO_MATCH, EXPIRED));
        NEXT.put(CONFIRMED, EnumSet.of(DONE, OPEN, CANCELLED));
        NEXT.put(DONE, EnumSet.of(CLOSED));
        NEXT.put(NO_MATCH, EnumSet.of(OPEN, CANCELLED));
        NEXT.put(EXPIRED, EnumSet.of(OPEN));
        NEXT.put(CLOSED, EnumSet.noneOf(State.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(State.class));
    }

    private Workflow() {
    }

    public static boolean allowed(State from, State to) {
        return NEXT.get(from).contains(to);
    }

    /** The states a request in {@code from} may move to. */
    public static Set<State> next(State from) {
        return Collections.unmodifiableSet(NEXT.get(from));
    }

    /** A 409 problem when the move is not in the table. */
    public static void require(State from, State to) {
        if (!allowed(from, to)) {
            throw ProblemException.conflict("A request in state " + from + " cannot move to " + to);
        }
    }

    /** No way out: closed or cancelled. */
    public static boolean isFinal(State state) {
        return NEXT.get(state).isEmpty();
    }

    /** A volunteer is (about to be) at work on it: counts towards their current load. */
    public static boolean isAssignment(State state) {
        return state == PROPOSED || state == CONFIRMED;
    }

    /** Still waiting for a volunteer. */
    public static boolean isWaiting(State state) {
        return state == SUBMITTED || state == OPEN || state == PROPOSED;
    }
}
