package nl.samenredzaam.calendar.api;

import java.time.OffsetDateTime;

/**
 * A registration for one occurrence.
 *
 * @param id         registration id
 * @param activityId activity
 * @param start      start of the occurrence
 * @param status     where it stands
 */
public record Registration(long id, long activityId, OffsetDateTime start, Status status) {

    /** Registration and attendance states. */
    public enum Status {
        REGISTERED, WAITLISTED, CANCELLED, PRESENT, ABSENT
    }
}
