package nl.samenredzaam.api.consent;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;

/**
 * The consent register, implemented by the platform. Records are kept per initiative (the one of
 * the {@link Sql} given), append-only, with the time, text version and who recorded them.
 */
@ProviderType
public interface Consents {

    /**
     * Whether the person has currently consented to the purpose in this initiative: their latest
     * record for it is a "given" for the purpose's current {@link ConsentPurpose#version() version}.
     * False when they never gave it, withdrew it, gave it for an older text, or their data here was
     * erased. Read inside the caller's transaction; costs one small query.
     *
     * @param sql      the module's {@link Sql}; its initiative is the one asked about
     * @param userId   the person's account id
     * @param moduleId the id of the module that declared the purpose
     * @param purpose  the purpose as the module declares it now
     */
    boolean given(Sql sql, long userId, String moduleId, ConsentPurpose purpose);
}
