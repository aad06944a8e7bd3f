package nl.samenredzaam.calendar.internal;

import java.time.Instant;

import nl.samenredzaam.calendar.api.Registration;

/**
 * A registration as stored. {@code occurrenceStart} is the occurrence's key (its start in the series).
 *
 * @param registeredBy the account that made it (a coordinator for a registration on behalf of someone)
 */
public record RegistrationRow(long id, long activityId, Instant occurrenceStart, Long userId, String name, String phone,
        String email, Long registeredBy, Registration.Status status, Instant createdAt) {

    /** Holds a place (registered, or present/absent after the activity). */
    public boolean hasPlace() {
        return status == Registration.Status.REGISTERED || status == Registration.Status.PRESENT
                || status == Registration.Status.ABSENT;
    }

    public boolean active() {
        return hasPlace() || status == Registration.Status.WAITLISTED;
    }

    /** Made by a coordinator for someone without (using) an account. */
    public boolean onBehalf() {
        return userId == null;
    }
}
