package nl.samenredzaam.identity.internal.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2idTest {

    /** Cheap parameters for the tests that are not about the cost. */
    private static final Argon2id CHEAP = new Argon2id(64, 1, 1);

    @Test
    void owaspParametersAreTheDefault() {
        assertEquals(19_456, Argon2id.OWASP.memoryKiB());
        assertEquals(2, Argon2id.OWASP.iterations());
        assertEquals(1, Argon2id.OWASP.parallelism());
    }

    @Test
    void hashWithOwaspParametersIsAPhcStringThatVerifies() {
        String phc = Argon2id.OWASP.hash("een lange zin als wachtwoord");
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
        assertTrue(Argon2id.OWASP.verify("een lange zin als wachtwoord", phc));
        assertFalse(Argon2id.OWASP.verify("een lange zin als wachtwoorD", phc));
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String phc = CHEAP.hash("correct horse battery");
        assertTrue(CHEAP.verify("correct horse battery", phc));
        assertFalse(CHEAP.verify("correct horse batterY", phc));
        assertFalse(CHEAP.verify("", phc));
        assertFalse(CHEAP.verify(null, phc));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String a = CHEAP.hash("correct horse battery");
        String b = CHEAP.hash("correct horse battery");
        assertNotEquals(a, b);
        assertTrue(CHEAP.verify("correct horse battery", a));
        assertTrue(CHEAP.verify("correct horse battery", b));
    }

    /** Vectors made with the reference implementation (Debian's argon2 CLI): the PHC strings interoperate. */
    @Test
    void verifiesHashesOfTheReferenceImplementation() {
        assertTrue(Argon2id.OWASP.verify("correct horse battery",
                "$argon2id$v=19$m=19456,t=2,p=1$c2FtZW5yZWR6YWFtLXNhbHQ$YauHjW5CgcW6ckyRrJGrhEqy/f0uJp4H1MoeMorjafk"));
        assertTrue(CHEAP.verify("password",
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
        assertTrue(CHEAP.verify("Straße-café-fiets",
                "$argon2id$v=19$m=64,t=1,p=1$dW5pY29kZS1zYWx0LTE2Yg$SftwoQLXJsF4irzTQ1iXMgDuXfbkP5FA+OfYN7hkxv0"));
        assertFalse(CHEAP.verify("passwore",
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
    }

    @Test
    void passwordsAreComparedAfterUnicodeNormalisation() {
        String composed = "caf\u00e9 met appeltaart";
        String decomposed = "cafe\u0301 met appeltaart";
        String phc = CHEAP.hash(composed);
        assertTrue(CHEAP.verify(decomposed, phc));
    }

    @Test
    void malformedStoredValuesNeverVerify() {
        assertFalse(CHEAP.verify("x", null));
        assertFalse(CHEAP.verify("x", ""));
        assertFalse(CHEAP.verify("x", "$2a$10$abcdefghijklmnopqrstuu"));
        assertFalse(CHEAP.verify("x", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
        assertFalse(CHEAP.verify("x", "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
    }

    @Test
    void rehashIsNeededWhenTheParametersDiffer() {
        String cheap = CHEAP.hash("correct horse battery");
        assertTrue(Argon2id.OWASP.needsRehash(cheap));
        assertFalse(CHEAP.needsRehash(cheap));
        assertTrue(CHEAP.needsRehash("not a hash"));
    }
}
