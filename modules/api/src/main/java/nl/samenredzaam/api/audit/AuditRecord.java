package nl.samenredzaam.api.audit;

import java.time.Instant;

/**
 * One access log entry as a resident or professional may see it: who looked, when, what and why.
 *
 * @param at         when (UTC, seconds)
 * @param actorName  who, by name (or "onbekend" when the account is gone)
 * @param roles      their roles at the time, comma separated
 * @param onBehalfOf whether they acted on behalf of someone
 * @param action     what they did
 * @param recordType the kind of record
 * @param recordId   the record
 * @param purpose    why
 */
public record AuditRecord(Instant at, String actorName, String roles, boolean onBehalfOf, AuditEvent.Action action,
        String recordType, String recordId, String purpose) {
}
