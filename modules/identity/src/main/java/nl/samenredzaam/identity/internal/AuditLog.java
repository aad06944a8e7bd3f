package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.access.Access;
import nl.samenredzaam.identity.internal.access.ActorImpl;
import nl.samenredzaam.identity.internal.store.AuditRepository;
import nl.samenredzaam.identity.platform.AuditPage;
import nl.samenredzaam.identity.platform.AuditQuery;

/**
 * Writes and reads the audit log. Each entry is written in its own transaction, so it stays when
 * the request that caused it rolls back; when it cannot be written the caller gets the error
 * (no access without a log entry). Nothing of an entry goes to the application log.
 */
final class AuditLog {

    private final PlatformDatabase db;
    private final Clock clock;
    private final Access access;
    private final AuditRepository entries = new AuditRepository();

    AuditLog(PlatformDatabase db, Clock clock, Access access) {
        this.db = db;
        this.clock = clock;
        this.access = access;
    }

    void write(Initiative initiative, Actor actor, AuditEvent event, String remoteAddress) {
        if (actor instanceof ActorImpl a && a.initiativeId() != initiative.id()) {
            throw new IllegalArgumentException("the actor belongs to another initiative");
        }
        Long userId = actor == null ? null : actor.userId();
        Set<Role> roles = actor == null ? Set.of() : actor.roles();
        Long onBehalfOf = actor == null ? null : actor.onBehalfOf().orElse(null);
        write(initiative.id(), userId, roles, onBehalfOf, event, remoteAddress);
    }

    /** An entry for a change the identity bundle made itself (e.g. a role given). */
    void write(long initiativeId, Long userId, Set<Role> roles, Long onBehalfOf, AuditEvent event, String remoteAddress) {
        AuditRepository.NewEntry entry = new AuditRepository.NewEntry(clock.instant().truncatedTo(ChronoUnit.SECONDS),
                userId, roles, onBehalfOf, event, remoteAddress);
        db.transaction(initiativeId, sql -> entries.insert(sql, entry));
    }

    AuditPage read(Actor by, Initiative initiative, AuditQuery query) {
        access.requireAdmin(by, initiative);
        return db.transaction(initiative.id(), sql -> entries.query(sql, query));
    }

    AuditPage readAboutMe(Actor person, Initiative initiative, int offset, int limit) {
        access.rolesOf(person, initiative); // signed in, not disabled
        AuditQuery query = AuditQuery.all(limit).page(offset, limit).withClient(person.userId());
        return db.transaction(initiative.id(), sql -> entries.query(sql, query));
    }
}
