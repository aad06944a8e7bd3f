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

    /**
     * Records a consent given or withdrawn that the module asked for in its own form (or in its demo
     * data), for the purpose's current text version, in the initiative of {@code sql}. The module
     * has checked that {@code recordedBy} may do this (the person, or a coordinator recording a
     * paper form: then the channel is "paper") and writes its own audit entry. Recording the state
     * the person is already in records nothing.
     *
     * @param at when it was given or withdrawn (UTC; the platform keeps whole seconds)
     */
    void record(Sql sql, long userId, String moduleId, ConsentPurpose purpose, boolean given, long recordedBy, java.time.Instant at);
}
