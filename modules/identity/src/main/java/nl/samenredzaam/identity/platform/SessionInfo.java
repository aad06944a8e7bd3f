package nl.samenredzaam.identity.platform;

import java.time.Instant;

/**
 * One of a person's active sessions, as listed on My account. Never the session id or its hash.
 *
 * @param handle    an opaque reference for "sign out this session" (derived from the stored hash; useless for signing in)
 * @param device    a short description such as "Firefox, Windows", or {@code null} when unknown
 * @param createdAt when the person signed in
 * @param lastSeen  the last use (updated at most every few minutes)
 * @param expiresAt the absolute end
 * @param current   whether this is the session of the request that asks
 */
public record SessionInfo(String handle, String device, Instant createdAt, Instant lastSeen, Instant expiresAt, boolean current) {
}
