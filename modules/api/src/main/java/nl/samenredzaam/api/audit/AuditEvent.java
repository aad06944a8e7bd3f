package nl.samenredzaam.api.audit;

import java.util.Objects;

/**
 * One access to a client record, as a module reports it. The platform adds who (user and role),
 * on whose behalf, when (UTC, seconds) and from where.
 *
 * @param action     what was done
 * @param recordType e.g. {@code wmo-intake.file}, {@code referral.referral}
 * @param recordId   the record's id, or {@code null} for a search or a list
 * @param clientId   the user id of the person the record is about, or {@code null} if they have no account
 * @param clientRef  a non-identifying reference to that person when there is no account (e.g. a record id)
 * @param purpose    why, e.g. {@code care}, {@code coordination}, {@code privacy-request}
 * @param success    whether the action succeeded
 */
public record AuditEvent(Action action, String recordType, String recordId, Long clientId, String clientRef,
        String purpose, boolean success) {

    /** The NEN 7513 event kinds. */
    public enum Action {
        CREATE, READ, UPDATE, DELETE, SEARCH, EXPORT, PRINT
    }

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** A successful action on a record about a person with an account. */
    public static AuditEvent of(Action action, String recordType, Object recordId, Long clientId, String purpose) {
        return new AuditEvent(action, recordType, recordId == null ? null : recordId.toString(), clientId, null, purpose, true);
    }
}
