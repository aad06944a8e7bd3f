package nl.samenredzaam.identity.platform;

import java.util.List;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.initiative.Initiative;

/**
 * The consent register for the web layer ("Mijn toestemmingen" and {@code /api/v1/{slug}/consents}).
 *
 * <p>Who: a member of the initiative for themself; a coordinator, professional or admin of the
 * initiative for another member (a paper form: channel {@link ConsentChannel#PAPER}, written to the
 * audit log with both people). Anyone else gets a 403 problem; a person who is no member a 404.
 */
public interface ConsentService {

    /** The purposes of every module enabled in the initiative, with the person's state and history. */
    List<ConsentStatus> consents(Actor by, Initiative initiative, long personId);

    /**
     * Records a consent given ({@code give}) or withdrawn for the purpose. To give, {@code textVersion}
     * is the version the person was shown: a 409 problem when the text changed meanwhile (show it
     * again). A withdrawal needs no version (withdrawing is as easy as giving) and is recorded with the current one.
     * Unknown module or purpose, or a module not enabled here: 404. Recording the same state again
     * changes nothing. {@code channel} is {@link ConsentChannel#PAPER} whenever {@code by} is not the
     * person; {@code language} ({@code nl} or {@code en}) is the language the text was shown in.
     * Answers the purpose's state afterwards.
     */
    ConsentStatus record(Actor by, Initiative initiative, long personId, String moduleId, String purposeId, int textVersion,
            boolean give, ConsentChannel channel, String language, String remoteAddress);

    /** Members a coordinator can record a paper form for (residents, by name); empty for anyone else. */
    List<Member> recordableFor(Actor by, Initiative initiative);
}
