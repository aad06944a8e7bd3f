package nl.samenredzaam.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditRecord;
import nl.samenredzaam.api.audit.AuditTrail;
import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/**
 * The access log read by modules ("who looked at my file"), limited to the initiative of the
 * caller's {@link Sql}. Read-only: the log is never changed through the application.
 */
@Component(service = AuditTrail.class)
public final class AuditTrailImpl implements AuditTrail {

    static final int MAX = 500;
    private static final String SELECT = "select a.occurred_at, u.display_name, a.roles, a.on_behalf_of, a.action, a.record_type, "
            + "a.record_id, a.purpose from audit_entry a left join identity_user u on u.id = a.user_id "
            + "where a.initiative_id = :initiative ";

    @Override
    public List<AuditRecord> aboutClient(Sql sql, long clientId, int limit) {
        return sql.list(SELECT + "and a.client_id = :client order by a.id desc limit :limit", AuditTrailImpl::map,
                "client", clientId, "limit", clamp(limit));
    }

    @Override
    public List<AuditRecord> aboutRecord(Sql sql, String recordType, String recordId, int limit) {
        return sql.list(SELECT + "and a.record_type = :type and a.record_id = :id order by a.id desc limit :limit", AuditTrailImpl::map,
                "type", recordType, "id", recordId, "limit", clamp(limit));
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX));
    }

    private static AuditRecord map(ResultSet r) throws SQLException {
        String name = r.getString(2);
        return new AuditRecord(Rows.instant(r, "occurred_at"), name == null ? "onbekend / unknown" : name, r.getString(3),
                r.getObject(4) != null, AuditEvent.Action.valueOf(r.getString(5)), r.getString(6), r.getString(7), r.getString(8));
    }
}
