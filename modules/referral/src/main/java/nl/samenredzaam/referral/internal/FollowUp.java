package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.time.LocalDate;

/** A planned follow-up contact with its outcome. */
public record FollowUp(long id, long referralId, Kind kind, LocalDate dueOn, Instant doneAt, String note, Instant remindedAt) {

    /** Why it is planned. */
    public enum Kind {
        AFTER_FIRST_ACTIVITY, WEEKS_6, MONTHS_3
    }

    public boolean isDone() {
        return doneAt != null;
    }

    /** Due on or before {@code today} and not done. */
    public boolean isDue(LocalDate today) {
        return doneAt == null && !dueOn.isAfter(today);
    }
}
