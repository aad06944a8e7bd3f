package nl.samenredzaam.identity.platform;

import java.time.Instant;

import nl.samenredzaam.api.module.Role;

/**
 * An invitation to join an initiative, as the admin pages list it (never with its token).
 *
 * @param id          the invitation's id
 * @param email       where it was sent
 * @param displayName the invited person's name
 * @param role        the role they get
 * @param invitedBy   user id of who invited, or {@code null}
 * @param sentAt      when the mail was last sent
 * @param expiresAt   when the link stops working
 * @param status      open, expired, accepted or revoked
 */
public record Invitation(long id, String email, String displayName, Role role, Long invitedBy, Instant sentAt, Instant expiresAt,
        Status status) {

    /** Where an invitation stands. */
    public enum Status {
        OPEN, EXPIRED, ACCEPTED, REVOKED
    }

    @Override
    public String toString() {
        return "Invitation[id=" + id + ", status=" + status + "]";
    }
}
