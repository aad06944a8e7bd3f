package nl.samenredzaam.identity.platform;

import java.time.Instant;

/**
 * Filters for reading an initiative's audit log; {@code null} means "any".
 *
 * @param clientId   entries about this person
 * @param userId     entries by this user
 * @param recordType entries about this kind of record, e.g. {@code wmo-intake.file}
 * @param from       entries at or after this moment
 * @param until      entries before this moment
 * @param offset     entries to skip (newest first)
 * @param limit      entries per page, 1–500
 */
public record AuditQuery(Long clientId, Long userId, String recordType, Instant from, Instant until, int offset,
        int limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** Everything, first page of {@code limit}. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, null, null, null, null, 0, limit);
    }

    public AuditQuery withClient(Long id) {
        return new AuditQuery(id, userId, recordType, from, until, offset, limit);
    }

    public AuditQuery withUser(Long id) {
        return new AuditQuery(clientId, id, recordType, from, until, offset, limit);
    }

    public AuditQuery withRecordType(String type) {
        return new AuditQuery(clientId, userId, type, from, until, offset, limit);
    }

    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(clientId, userId, recordType, start, end, offset, limit);
    }

    public AuditQuery page(int newOffset, int newLimit) {
        return new AuditQuery(clientId, userId, recordType, from, until, newOffset, newLimit);
    }
}
