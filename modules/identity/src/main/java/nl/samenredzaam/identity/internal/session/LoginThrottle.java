package nl.samenredzaam.identity.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/**
 * Counts failed sign-ins per user name and per address over a sliding window
 * ({@link SecurityPolicy#LOGIN_WINDOW}), in the database table {@code identity_login_failure}: every
 * node sees the same counts and they survive a restart. After
 * {@link SecurityPolicy#MAX_FAILURES_PER_ACCOUNT} failures for a user name, or
 * {@link SecurityPolicy#MAX_FAILURES_PER_ADDRESS} from an address, further attempts are refused
 * until enough failures have left the window.
 *
 * <p>Only the SHA-256 of the user name and of the address is stored (the table is about attempts,
 * not people). Rows older than the window are swept at most every few minutes.
 */
public final class LoginThrottle {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

    private final PlatformDatabase db;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

    public LoginThrottle(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether an attempt for this user name from this address must be refused now. */
    public boolean blocked(String username, String address) {
        Instant since = clock.instant().minus(SecurityPolicy.LOGIN_WINDOW);
        return db.global(sql -> count(sql, ACCOUNT, username, since) >= SecurityPolicy.MAX_FAILURES_PER_ACCOUNT
                || count(sql, ADDRESS, address, since) >= SecurityPolicy.MAX_FAILURES_PER_ADDRESS);
    }

    /** Records a failed attempt (a {@code null} user name or address is not counted). */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        db.global(sql -> {
            insert(sql, ACCOUNT, username, now);
            insert(sql, ADDRESS, address, now);
            return null;
        });
        sweep(now);
    }

    /** A successful sign-in clears the user name's count (not the address's). */
    public void succeeded(String username) {
        if (username != null) {
            db.global(sql -> sql.update("delete from identity_login_failure where kind = :kind and key_hash = :key",
                    "kind", ACCOUNT, "key", Secrets.sha256(username)));
        }
    }

    private static int count(Sql sql, String kind, String key, Instant since) {
        if (key == null) {
            return 0;
        }
        return sql.first("select count(*) from identity_login_failure where kind = :kind and key_hash = :key and failed_at > :since",
                r -> r.getInt(1), "kind", kind, "key", Secrets.sha256(key), "since", since).orElse(0);
    }

    private static void insert(Sql sql, String kind, String key, Instant now) {
        if (key != null) {
            sql.update("insert into identity_login_failure (kind, key_hash, failed_at) values (:kind, :key, :now)",
                    "kind", kind, "key", Secrets.sha256(key), "now", now);
        }
    }

    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_INTERVAL)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        db.global(sql -> sql.update("delete from identity_login_failure where failed_at <= :before",
                "before", now.minus(SecurityPolicy.LOGIN_WINDOW)));
    }
}
