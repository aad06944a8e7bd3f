package nl.samenredzaam.identity.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;

/** Sign-in, sessions, tokens and actors, for the web layer. */
@ProviderType
public interface IdentityService {

    /**
     * Checks a user name and password, with throttling per account and per address. Takes about
     * as long for an unknown user as for a wrong password.
     */
    LoginResult authenticate(String username, String password, String remoteAddress);

    /** Creates an API token for scripts and integrations; returns the secret, shown once. Only its hash is stored. */
    String issueToken(long userId, String label, Duration validFor);

    /** The account of a valid, unrevoked, unexpired token. */
    Optional<Account> accountForToken(String token);

    void revokeToken(String token);

    /** Starts a session (a new id at every sign-in, against session fixation). */
    default Session createSession(long userId) {
        return createSession(userId, null);
    }

    /**
     * Starts a session and remembers a short description of the device ({@code "Firefox, Windows"},
     * at most 100 characters, never the full User-Agent) for the list on My account.
     */
    Session createSession(long userId, String device);

    /** The user's active sessions, newest first; {@code currentSessionId} (may be {@code null}) is marked. */
    java.util.List<SessionInfo> sessions(long userId, String currentSessionId);

    /** Ends one of the user's own sessions by its {@link SessionInfo#handle()}; false when there is no such session of theirs. */
    boolean endSession(long userId, String handle);

    /** The session for a cookie value, if it has not passed its idle or absolute timeout; extends the idle time. */
    Optional<Session> session(String sessionId);

    void endSession(String sessionId);

    /** The account as actor in an initiative: its roles there and the permissions they give. */
    Actor actor(Account account, Initiative initiative);

    /** Ids of the initiatives the person is a member of. */
    List<Long> memberships(long userId);

    /**
     * Appends an audit log entry (NEN 7513): the event, with who, on whose behalf, when (UTC,
     * seconds) and from where.
     */
    void audit(Initiative initiative, Actor actor, AuditEvent event, String remoteAddress);

    // --- added for account pages ---

    /** An account by id, also when disabled (see {@link #isDisabled}). */
    Optional<Account> account(long userId);

    /** Whether an account is disabled: it cannot sign in and its sessions and tokens stop working. */
    boolean isDisabled(long userId);

    /**
     * The actor acting for a resident who is not online (a coordinator taking a request by
     * phone). Allowed for coordinators, professionals and admins of the initiative, for a member
     * of that initiative; a 403 problem otherwise. Audit entries then name both.
     */
    Actor actingFor(Actor actor, Initiative initiative, long residentUserId);

    /**
     * What is wrong with a new password, in Dutch and English, or empty when it may be used:
     * 12–128 characters, not a commonly used password, not the user name.
     */
    Optional<Text> passwordProblem(String password, String username);

    /**
     * Changes one's own password. A 400 problem with field {@code currentPassword} when that is
     * wrong (counted like a failed sign-in; a 429 problem when throttled), or field
     * {@code newPassword} when the new one breaks the rules. Ends every other session of the
     * user, keeping {@code keepSessionId} (may be {@code null}).
     */
    void changePassword(long userId, String currentPassword, String newPassword, String keepSessionId);

    /** Ends every session of the user ("sign out everywhere"). */
    void endAllSessions(long userId);

    /** Ends the user's other sessions, keeping {@code keepSessionId} ("sign out on other devices"); returns how many ended. */
    int endOtherSessions(long userId, String keepSessionId);

    /** The user's API tokens, newest first, without their secrets. */
    List<TokenInfo> tokens(long userId);

    /** Revokes one of the user's own tokens; a 404 problem when it is not theirs. */
    void revokeToken(long userId, long tokenId);

    // --- password reset by e-mail ---

    /**
     * Starts a password reset for the account with this user name or e-mail address: a
     * single-use link valid for {@link SecurityPolicy#PASSWORD_RESET_VALIDITY}, mailed by
     * {@code template} (only the token's hash is stored). Answers nothing and throws nothing about
     * whether such an account exists (no account enumeration); in the running platform the work is
     * done after the call returns, so its timing says nothing either. Accounts without an e-mail address
     * and disabled accounts get no mail. The mail of an account that belongs to no initiative (a
     * platform operator) is the platform's own mail, not an initiative's.
     */
    void requestPasswordReset(String usernameOrEmail, MailTemplate template);

    /** The account a reset link's token is for, while the link is valid (unused and not expired). */
    Optional<Account> passwordResetAccount(String token);

    /**
     * Sets a new password with a reset link's token. A 400 problem with field {@code newPassword}
     * when it breaks the rules; 410 when the link is used, expired or unknown. Uses the link up,
     * ends every session of the account and revokes its API tokens.
     */
    void resetPassword(String token, String newPassword);

    // --- second factor (TOTP) ---

    /** Whether the account has a confirmed second factor. */
    boolean hasSecondFactor(long userId);

    /** Starts (or restarts) setting up a second factor; until confirmed, sign-in does not ask for it. */
    TotpEnrolment startSecondFactor(long userId);

    /**
     * Confirms the second factor with a code from the app; returns the recovery codes, shown once
     * (only their hashes are kept). A 400 problem with field {@code code} when it is wrong; 409
     * when nothing is being set up.
     */
    List<String> confirmSecondFactor(long userId, String code);

    /** Removes the second factor, after checking the password (400 with field {@code password}; throttled like sign-in). */
    void disableSecondFactor(long userId, String password);

    /** After {@link LoginResult.Outcome#SECOND_FACTOR_REQUIRED}: a short-lived secret that stands for the half-done sign-in. */
    String beginSecondFactor(long userId);

    /**
     * Finishes a sign-in with the code from the app or a recovery code: OK with the account
     * (the challenge is used up), BAD_CREDENTIALS (counted like a failed sign-in) or THROTTLED.
     * An unknown or expired challenge gives BAD_CREDENTIALS.
     */
    LoginResult completeSecondFactor(String challenge, String code, String remoteAddress);

    /** Whether a half-done sign-in still waits for its code (not used, not past its five minutes). */
    boolean secondFactorPending(String challenge);

    /** Checks a code for an account directly (the token API); counted and throttled like a sign-in. */
    LoginResult verifySecondFactor(long userId, String code, String remoteAddress);
}
