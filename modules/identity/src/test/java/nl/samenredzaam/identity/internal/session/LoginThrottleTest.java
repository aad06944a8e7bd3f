package nl.samenredzaam.identity.internal.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.identity.internal.MutableClock;
import nl.samenredzaam.identity.platform.SecurityPolicy;

class LoginThrottleTest {

    private final MutableClock clock = MutableClock.standard();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresForAnAccountBlockItFromAnyAddress() {
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT - 1; i++) {
            throttle.failed("ria", "10.0.0." + i);
        }
        assertFalse(throttle.blocked("ria", "10.0.0.99"));
        throttle.failed("ria", "10.0.0.50");
        assertTrue(throttle.blocked("ria", "10.0.0.99"));
        assertFalse(throttle.blocked("henk", "10.0.0.99"), "other accounts are not affected");
    }

    @Test
    void twentyFailuresFromAnAddressBlockItForEveryAccount() {
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertTrue(throttle.blocked("someone-new", "192.0.2.7"));
        assertFalse(throttle.blocked("someone-new", "192.0.2.8"));
    }

    @Test
    void theBlockEndsWhenTheFailuresLeaveTheWindow() {
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ACCOUNT; i++) {
            throttle.failed("ria", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(throttle.blocked("ria", "10.0.0.1"));
        // the first failure was 5 minutes ago; it leaves the 15-minute window after 10 more
        clock.advance(Duration.ofMinutes(9));
        assertTrue(throttle.blocked("ria", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(throttle.blocked("ria", "10.0.0.1"));
    }

    @Test
    void successClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < SecurityPolicy.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            throttle.failed("ria", "10.0.0.1");
        }
        throttle.succeeded("ria");
        assertFalse(throttle.blocked("ria", "10.0.0.2"));
        throttle.failed("henk", "10.0.0.1");
        assertTrue(throttle.blocked("ria", "10.0.0.1"));
    }

    @Test
    void missingKeysAreNotCounted() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("ria", null);
        }
        assertTrue(throttle.blocked("ria", null));
        assertFalse(throttle.blocked("henk", null));
    }
}
