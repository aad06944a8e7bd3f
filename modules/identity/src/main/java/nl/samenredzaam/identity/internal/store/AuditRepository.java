package nl.samenredzaam.identity.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.AuditEntry;
import nl.samenredzaam.identity.platform.AuditPage;
import nl.samenredzaam.identity.platform.AuditQuery;

/**
 * {@code audit_entry}: the append-only access log of an initiative. There is deliberately no
 * update or delete here; on PostgreSQL a trigger refuses them as well.
 */
public final class AuditRepository {

    private static final String SUCCESS = "SUCCESS";
    private static final String FAILURE = "FAILURE";

    /** What is written; the initiative comes from the {@link Sql}. */
    public record NewEntry(Instant at, Long userId, Set<Role> roles, Long onBehalfOf, AuditEvent event, String origin) {
    }

    public long insert(Sql sql, NewEntry e) {
        AuditEvent ev = e.event();
        return sql.insert("insert into audit_entry (initiative_id, occurred_at, user_id, roles, on_behalf_of, action, "
                + "record_type, record_id, client_id, client_ref, purpose, outcome, origin) values (:initiative, :at, :user, "
                + ":roles, :onBehalfOf, :action, :recordType, :recordId, :clientId, :clientRef, :purpose, :outcome, :origin)",
                "at", e.at(), "user", e.userId(), "roles", roles(e.roles()), "onBehalfOf", e.onBehalfOf(),
                "action", ev.action(), "recordType", clip(ev.recordType(), 100), "recordId", clip(ev.recordId(), 100),
                "clientId", ev.clientId(), "clientRef", clip(ev.clientRef(), 100), "purpose", clip(ev.purpose(), 100),
                "outcome", ev.success() ? SUCCESS : FAILURE, "origin", clip(e.origin(), 64));
    }

    public AuditPage query(Sql sql, AuditQuery q) {
        StringBuilder where = new StringBuilder(" where initiative_id = :initiative");
        List<Object> params = new ArrayList<>();
        if (q.clientId() != null) {
            where.append(" and client_id = :clientId");
            params.add("clientId");
            params.add(q.clientId());
        }
        if (q.userId() != null) {
            where.append(" and user_id = :userId");
            params.add("userId");
            params.add(q.userId());
        }
        if (q.recordType() != null) {
            where.append(" and record_type = :recordType");
            params.add("recordType");
            params.add(q.recordType());
        }
        if (q.from() != null) {
            where.append(" and occurred_at >= :from");
            params.add("from");
            params.add(q.from());
        }
        if (q.until() != null) {
            where.append(" and occurred_at < :until");
            params.add("until");
            params.add(q.until());
        }
        params.add("limit");
        params.add(q.limit() + 1);
        params.add("offset");
        params.add(q.offset());
        List<AuditEntry> rows = sql.list("select * from audit_entry" + where + " order by id desc limit :limit offset :offset",
                AuditRepository::map, params.toArray());
        boolean more = rows.size() > q.limit();
        return new AuditPage(more ? rows.subList(0, q.limit()) : rows, more);
    }

    private static AuditEntry map(ResultSet r) throws SQLException {
        return new AuditEntry(r.getLong("id"), r.getLong("initiative_id"), Rows.instant(r, "occurred_at"),
                Rows.nullableLong(r, "user_id"), parseRoles(r.getString("roles")), Rows.nullableLong(r, "on_behalf_of"),
                AuditEvent.Action.valueOf(r.getString("action")), r.getString("record_type"), r.getString("record_id"),
                Rows.nullableLong(r, "client_id"), r.getString("client_ref"), r.getString("purpose"),
                SUCCESS.equals(r.getString("outcome")), r.getString("origin"));
    }

    static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> parseRoles(String value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value != null) {
            for (String name : value.split(",")) {
                try {
                    if (!name.isBlank()) {
                        roles.add(Role.valueOf(name.trim()));
                    }
                } catch (IllegalArgumentException unknown) {
                    // a role of a newer version
                }
            }
        }
        return roles;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
