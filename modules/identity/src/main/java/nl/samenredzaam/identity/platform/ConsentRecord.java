package nl.samenredzaam.identity.platform;

import java.time.Instant;

/**
 * One line of a person's consent history (append-only).
 *
 * @param moduleId    the module that asked
 * @param purposeId   the purpose within the module
 * @param textVersion the text version that was shown
 * @param given       true for a consent given, false for a withdrawal
 * @param channel     how it was recorded
 * @param at          when (UTC)
 * @param recordedBy  the account that recorded it: the person, or a coordinator for a paper form
 * @param anonymised  whether the person's data here was erased since (the line stays as proof and no longer counts)
 */
public record ConsentRecord(String moduleId, String purposeId, int textVersion, boolean given, ConsentChannel channel, Instant at,
        long recordedBy, boolean anonymised) {
}
