package nl.samenredzaam.identity.platform;

import java.util.List;

/**
 * A page of audit log entries, newest first.
 *
 * @param entries the entries
 * @param more    whether there are entries after this page
 */
public record AuditPage(List<AuditEntry> entries, boolean more) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
