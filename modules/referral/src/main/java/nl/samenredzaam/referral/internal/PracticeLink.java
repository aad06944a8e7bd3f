package nl.samenredzaam.referral.internal;

import java.time.Instant;

/**
 * A secure referral link for a practice without accounts: whoever has the link can refer patients
 * (and only that: they cannot read anything back). Only a hash of the token is stored.
 */
public record PracticeLink(long id, String practiceName, ReferrerType referrerType, String contactEmail, Instant createdAt,
        Instant revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
