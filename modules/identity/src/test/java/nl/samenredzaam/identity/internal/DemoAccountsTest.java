package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.identity.internal.password.Argon2id;

class DemoAccountsTest {

    @Test
    void theStoredDemoHashIsThePublishedPasswordWithTodaysParameters() {
        assertTrue(Argon2id.OWASP.verify(DemoAccountsImpl.PASSWORD, DemoAccountsImpl.PASSWORD_HASH));
        assertFalse(Argon2id.OWASP.verify(DemoAccountsImpl.PASSWORD + "x", DemoAccountsImpl.PASSWORD_HASH));
        assertFalse(Argon2id.OWASP.needsRehash(DemoAccountsImpl.PASSWORD_HASH),
                "the parameters changed: make a new one with Argon2id.OWASP.hash(DemoAccountsImpl.PASSWORD)");
    }
}
