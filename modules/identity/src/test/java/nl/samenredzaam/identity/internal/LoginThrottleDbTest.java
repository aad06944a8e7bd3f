package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.identity.internal.session.LoginThrottle;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/** The login throttle in the database: shared by nodes, kept across restarts, on H2 and PostgreSQL. */
class LoginThrottleDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void fiveFailuresForAnAccountBlockItFromAnyAddressOnEveryNode(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        MutableClock clock = MutableClock.standard();
        LoginThrottle nodeA = new LoginThrottle(database.db, clock);
        LoginThrottle nodeB = new LoginThrottle(database.db, clock);
        String ria = TestDatabase.uniqueName("ria");
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT - 1; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed(ria, "10.0.0." + i);
        }
        assertFalse(nodeA.blocked(ria, "10.9.0.99"));
        nodeB.failed(ria, "10.0.0.50");
        assertTrue(nodeA.blocked(ria, "10.9.0.99"), "node A sees node B's failure");
        assertTrue(nodeB.blocked(ria, "10.9.0.99"));
        assertFalse(nodeA.blocked(TestDatabase.uniqueName("henk"), "10.9.0.99"), "other accounts are not affected");

        LoginThrottle restarted = new LoginThrottle(database.db, clock);
        assertTrue(restarted.blocked(ria, "10.9.0.98"), "the count survives a restart");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void twentyFailuresFromAnAddressBlockItForEveryAccount(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        LoginThrottle throttle = new LoginThrottle(database.db, MutableClock.standard());
        String address = "192.0.2." + TestDatabase.uniqueName("a").hashCode();
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed(TestDatabase.uniqueName("user"), address);
        }
        assertTrue(throttle.blocked(TestDatabase.uniqueName("someone-new"), address));
        assertFalse(throttle.blocked(TestDatabase.uniqueName("someone-new"), address + "1"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theBlockEndsWhenTheFailuresLeaveTheWindowAndSuccessClearsTheAccount(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        MutableClock clock = MutableClock.standard();
        LoginThrottle throttle = new LoginThrottle(database.db, clock);
        String ria = TestDatabase.uniqueName("ria");
        String address = TestDatabase.uniqueName("addr");
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed(ria, address);
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(throttle.blocked(ria, address));
        // the first failure was 5 minutes ago; it leaves the 15-minute window after 10 more
        clock.advance(Duration.ofMinutes(9));
        assertTrue(throttle.blocked(ria, address));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(throttle.blocked(ria, address));

        throttle.failed(ria, address);
        throttle.succeeded(ria);
        assertEquals(0, count(database, Secrets.sha256(ria)), "a successful sign-in clears the account's failures");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void neitherUserNameNorAddressIsStoredInClear(Dialect dialect) {
        TestDatabase database = TestDatabase.shared(dialect);
        LoginThrottle throttle = new LoginThrottle(database.db, MutableClock.standard());
        String ria = TestDatabase.uniqueName("ria");
        throttle.failed(ria, "203.0.113.9");
        List<String> keys = database.db.global(sql -> sql.list("select key_hash from identity_login_failure", r -> r.getString(1)));
        assertTrue(keys.contains(Secrets.sha256(ria)));
        assertFalse(keys.contains(ria));
        assertFalse(keys.contains("203.0.113.9"));
    }

    private static int count(TestDatabase database, String hash) {
        return database.db.global(sql -> sql.first("select count(*) from identity_login_failure where key_hash = :k",
                r -> r.getInt(1), "k", hash)).orElse(0);
    }
}
