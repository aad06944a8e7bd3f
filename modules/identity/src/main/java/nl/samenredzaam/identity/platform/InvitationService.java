package nl.samenredzaam.identity.platform;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;

/**
 * Invitations by e-mail to join an initiative with a role. The link carries a random token of 256
 * bits; only its SHA-256 is stored; it works once and for {@link SecurityPolicy#INVITATION_VALIDITY}.
 * The initiative's admins and the platform operator may invite with any role; coordinators may
 * invite residents and volunteers. Every step is written to the initiative's audit log
 * ({@code identity.invitation}).
 */
@ProviderType
public interface InvitationService {

    /**
     * Invites a person; the mail is written by {@code template} and queued in the same transaction.
     * A 400 problem names the wrong fields ({@code email}, {@code displayName}, {@code role}); 403
     * when {@code by} may not invite with that role.
     */
    Invitation invite(Actor by, Initiative initiative, NewInvitation invitation, MailTemplate template);

    /** The initiative's invitations, newest first (open ones and those of the last 90 days). */
    List<Invitation> invitations(Actor by, Initiative initiative);

    /** Sends an open or expired invitation again with a new token and a new term; the old link stops working. 404/409 problems. */
    Invitation resend(Actor by, Initiative initiative, long invitationId, MailTemplate template);

    /** Revokes an open invitation: its link stops working. 404/409 problems. */
    void revoke(Actor by, Initiative initiative, long invitationId);

    /** The invitation a link's token belongs to in this initiative, whatever its state; empty for an unknown token. */
    Optional<Invitation> byToken(Initiative initiative, String token);

    /**
     * Accepts with a new account: user name and password chosen by the person (password rules as
     * everywhere). A 400 problem naming {@code username} or {@code password}; 409 for a taken user
     * name; 410 when the invitation is no longer open (used, revoked or expired).
     */
    Account acceptWithNewAccount(Initiative initiative, String token, String username, String password);

    /** Accepts with the signed-in account: it gets the role. 410 when the invitation is no longer open. */
    void acceptWithAccount(Initiative initiative, String token, long userId);
}
