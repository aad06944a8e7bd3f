package nl.samenredzaam.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;

/**
 * Reading the access log of the initiative of the given {@link Sql}, so that a module can show a
 * resident who looked at their file (NEN 7513). Implemented by the platform; the module decides who
 * may see it (the person themselves, the professional on the file).
 */
@ProviderType
public interface AuditTrail {

    /** Entries about a person (client id), newest first. */
    List<AuditRecord> aboutClient(Sql sql, long clientId, int limit);

    /** Entries about one record, newest first. */
    List<AuditRecord> aboutRecord(Sql sql, String recordType, String recordId, int limit);
}
