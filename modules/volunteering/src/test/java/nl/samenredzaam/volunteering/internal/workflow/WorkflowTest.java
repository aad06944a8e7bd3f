package nl.samenredzaam.volunteering.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;

class WorkflowTest {

    /**
     * The expected table written out independently, row = from, column = to, in enum order
     * SUBMITTED OPEN PROPOSED CONFIRMED DONE CLOSED CANCELLED EXPIRED NO_MATCH.
     */
    private static final String[] TABLE = {
        /* SUBMITTED */ "011100111",
        /* OPEN      */ "001100111",
        /* PROPOSED  */ "010100111",
        /* CONFIRMED */ "010010100",
        /* DONE      */ "000001000",
        /* CLOSED    */ "000000000",
        /* CANCELLED */ "000000000",
        /* EXPIRED   */ "010000000",
        /* NO_MATCH  */ "010000100",
    };

    @Test
    void everyPairOfStatesIsAllowedOrRefusedExactlyAsTheTableSays() {
        State[] states = State.values();
        assertEquals(9, states.length, "a new state needs a row and a column in this test");
        int checked = 0;
        for (int f = 0; f < states.length; f++) {
            for (int t = 0; t < states.length; t++) {
                State from = states[f];
                State to = states[t];
                boolean expected = TABLE[f].charAt(t) == '1';
                assertEquals(expected, Workflow.allowed(from, to), from + " -> " + to);
                if (expected) {
                    Workflow.require(from, to);
                } else {
                    ProblemException e = assertThrows(ProblemException.class, () -> Workflow.require(from, to), from + " -> " + to);
                    assertEquals(409, e.status());
                }
                checked++;
            }
        }
        assertEquals(81, checked);
    }

    @Test
    void noStateMovesToItself() {
        for (State s : State.values()) {
            assertTrue(!Workflow.allowed(s, s), s.name());
        }
    }

    @Test
    void finalStatesAreClosedAndCancelledOnly() {
        Set<State> finals = new HashSet<>();
        for (State s : State.values()) {
            if (Workflow.isFinal(s)) {
                finals.add(s);
            }
        }
        assertEquals(Set.of(State.CLOSED, State.CANCELLED), finals);
    }

    @Test
    void everyNonFinalStateCanReachClosedOrCancelled() {
        for (State s : State.values()) {
            assertTrue(reaches(s, State.CLOSED, new HashSet<>()) || reaches(s, State.CANCELLED, new HashSet<>()), s.name());
        }
    }

    @Test
    void theHappyPathIsAllowedStepByStep() {
        State[] path = {State.SUBMITTED, State.OPEN, State.PROPOSED, State.CONFIRMED, State.DONE, State.CLOSED};
        for (int i = 0; i + 1 < path.length; i++) {
            assertTrue(Workflow.allowed(path[i], path[i + 1]), path[i] + " -> " + path[i + 1]);
        }
    }

    @Test
    void assignmentsAreProposedAndConfirmed() {
        for (State s : State.values()) {
            assertEquals(s == State.PROPOSED || s == State.CONFIRMED, Workflow.isAssignment(s), s.name());
        }
    }

    private static boolean reaches(State from, State target, Set<State> seen) {
        if (from == target) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (State next : Workflow.next(from)) {
            if (reaches(next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
