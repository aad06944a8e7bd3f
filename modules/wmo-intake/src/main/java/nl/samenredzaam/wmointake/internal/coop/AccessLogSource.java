package nl.samenredzaam.wmointake.internal.coop;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;

/** Reads the audit log about the signed-in person, for "wie heeft mijn dossier bekeken". */
public interface AccessLogSource {

    /** One access to a record about the person. */
    record Entry(Instant at, Long userId, Set<Role> roles, String action, String recordType, String recordId, boolean success) {
    }

    /** The newest {@code max} entries about the person, newest first. */
    List<Entry> aboutMe(Actor person, Initiative initiative, int max);
}
