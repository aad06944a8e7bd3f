package nl.samenredzaam.identity.platform;

import java.time.Instant;
import java.util.Set;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.module.Role;

/**
 * One entry of an initiative's audit log, as stored (NEN 7513).
 *
 * @param id           entry id (ascending in time)
 * @param initiativeId the initiative
 * @param at           when, UTC, whole seconds
 * @param userId       who, or {@code null} when nobody was signed in
 * @param roles        the roles they had in the initiative then
 * @param onBehalfOf   the resident they acted for, or {@code null}
 * @param action       what was done
 * @param recordType   kind of record
 * @param recordId     the record, or {@code null} for a search or list
 * @param clientId     the person the record is about, or {@code null}
 * @param clientRef    a non-identifying reference to that person, or {@code null}
 * @param purpose      why
 * @param success      whether it succeeded
 * @param origin       the client address, or {@code null}
 */
public record AuditEntry(long id, long initiativeId, Instant at, Long userId, Set<Role> roles, Long onBehalfOf,
        AuditEvent.Action action, String recordType, String recordId, Long clientId, String clientRef, String purpose,
        boolean success, String origin) {

    public AuditEntry {
        roles = Set.copyOf(roles);
    }
}
