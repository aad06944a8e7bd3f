package nl.samenredzaam.wmointake.internal.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One term of a file.
 *
 * @param kind   which term
 * @param start  the date the term counts from (melding, aanvraag or beschikking)
 * @param due    the last day (after the {@link TermRule})
 * @param metOn  the day it was met (e.g. verslag sent), or {@code null}
 * @param state  where it stands today
 * @param daysLeft days from today to {@code due}: negative when past
 */
public record Deadline(DeadlineKind kind, LocalDate start, LocalDate due, LocalDate metOn, State state, long daysLeft) {

    /** Where a term stands. */
    public enum State {
        /** Met in time, or met late ({@link Deadline#late()}). */
        MET,
        /** Running; more than the warning period left. */
        RUNNING,
        /** Running; within the warning period. */
        DUE_SOON,
        /** Past its end and not met (for a duty), or simply over (for a right). */
        PASSED
    }

    static Deadline of(DeadlineKind kind, LocalDate start, LocalDate due, LocalDate metOn, LocalDate today, int warningDays) {
        long left = ChronoUnit.DAYS.between(today, due);
        State state;
        if (metOn != null) {
            state = State.MET;
        } else if (left < 0) {
            state = State.PASSED;
        } else if (left <= warningDays) {
            state = State.DUE_SOON;
        } else {
            state = State.RUNNING;
        }
        return new Deadline(kind, start, due, metOn, state, left);
    }

    /** Met after the last day. */
    public boolean late() {
        return metOn != null && metOn.isAfter(due);
    }

    /** Still open: not met and, for a right of the resident, not over. */
    public boolean open() {
        return state == State.RUNNING || state == State.DUE_SOON || (state == State.PASSED && kind.isDuty());
    }

    /** A duty past its end and not met. */
    public boolean overdue() {
        return state == State.PASSED && kind.isDuty();
    }
}
