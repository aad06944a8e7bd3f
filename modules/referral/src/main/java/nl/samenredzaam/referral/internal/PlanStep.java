package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One concrete step of the plan: an activity (from the calendar, or written down when the calendar
 * is not used), a buddy or practical help (from volunteering, or written down), or another local offer.
 */
public record PlanStep(long id, long referralId, Kind kind, String description, Long activityId, OffsetDateTime activityStart,
        Long calendarRegistrationId, Long helpRequestId, Instant createdAt) {

    /** What sort of step. */
    public enum Kind {
        ACTIVITY, HELP, OTHER
    }
}
