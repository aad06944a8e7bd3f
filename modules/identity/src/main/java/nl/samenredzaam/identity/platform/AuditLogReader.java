package nl.samenredzaam.identity.platform;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;

/** Reading an initiative's audit log. The log itself cannot be changed through any service. */
@ProviderType
public interface AuditLogReader {

    /** Entries matching the query, newest first; only for the initiative's admins (a 403 problem otherwise). */
    AuditPage read(Actor by, Initiative initiative, AuditQuery query);

    /** Who did what with records about the person themself: a resident's right to see who looked at their file. */
    AuditPage readAboutMe(Actor person, Initiative initiative, int offset, int limit);
}
