package nl.samenredzaam.identity.platform;

import java.time.Instant;

/**
 * An API token as its owner sees it; the secret itself is never stored.
 *
 * @param id        token id, for revoking
 * @param label     what the owner called it
 * @param createdAt when it was issued
 * @param lastUsed  when it was last used, or {@code null}
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, or {@code null}
 */
public record TokenInfo(long id, String label, Instant createdAt, Instant lastUsed, Instant expiresAt, Instant revokedAt) {

    /** Whether the token works at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
