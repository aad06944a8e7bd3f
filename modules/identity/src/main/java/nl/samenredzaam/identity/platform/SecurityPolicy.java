package nl.samenredzaam.identity.platform;

import java.time.Duration;

/**
 * The fixed security limits of sign-in, sessions and tokens, in one place (OWASP ASVS level 2).
 * The web layer may use them, e.g. for a cookie's {@code Max-Age}.
 */
public final class SecurityPolicy {

    /** A session ends after this long without a request (ASVS 3.3.2). */
    public static final Duration SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** A session ends this long after sign-in, however active it is (ASVS 3.3.2). */
    public static final Duration SESSION_ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** A session's last-seen time is written at most this often, to spare the database. */
    public static final Duration SESSION_TOUCH_INTERVAL = Duration.ofMinutes(1);

    /** Failed sign-ins are counted over this window. */
    public static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
    /** Failed sign-ins for one user name within the window before further attempts are refused. */
    public static final int MAX_FAILURES_PER_ACCOUNT = 5;
    /** Failed sign-ins from one address within the window before further attempts are refused. */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;

    /** Shortest password, in characters (ASVS 2.1.1). */
    public static final int PASSWORD_MIN_LENGTH = 12;
    /** Longest password, in characters (ASVS 2.1.2). */
    public static final int PASSWORD_MAX_LENGTH = 128;

    /** Lifetime of an API token when none is given. */
    public static final Duration TOKEN_DEFAULT_VALIDITY = Duration.ofDays(90);
    /** Longest lifetime of an API token. */
    public static final Duration TOKEN_MAX_VALIDITY = Duration.ofDays(366);

    /** How long an invitation link works. */
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    /** How long a password-reset link works (ASVS 2.5.x: short-lived, single use). */
    public static final Duration PASSWORD_RESET_VALIDITY = Duration.ofHours(1);
    /** How long a sign-in waits for the second factor's code after the password was right. */
    public static final Duration SECOND_FACTOR_CHALLENGE_VALIDITY = Duration.ofMinutes(5);
    /** Recovery codes given when a second factor is confirmed. */
    public static final int RECOVERY_CODES = 10;

    /** How long another node may use a cached role-permission table after a change elsewhere. */
    public static final Duration PERMISSION_CACHE_TTL = Duration.ofSeconds(15);

    private SecurityPolicy() {
    }
}
