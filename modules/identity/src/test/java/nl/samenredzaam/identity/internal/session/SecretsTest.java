package nl.samenredzaam.identity.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void tokensAre32RandomBytesInBase64urlWithPrefix() {
        String token = Secrets.token();
        assertTrue(token.startsWith("sr_"));
        assertEquals(32, Base64.getUrlDecoder().decode(token.substring(3)).length);
        assertTrue(token.substring(3).matches("[A-Za-z0-9_-]{43}"));
        assertTrue(Secrets.plausible(token, "sr_"));
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(Secrets.random()));
        }
    }

    @Test
    void storedFormIsSha256Hex() {
        String token = Secrets.token();
        String hash = Secrets.sha256(token);
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertEquals(hash, Secrets.sha256(token));
        assertNotEquals(hash, Secrets.sha256(Secrets.token()));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    }

    @Test
    void implausibleValuesAreRejectedBeforeAnyLookup() {
        assertFalse(Secrets.plausible(null, ""));
        assertFalse(Secrets.plausible("", ""));
        assertFalse(Secrets.plausible("sr_short", "sr_"));
        assertFalse(Secrets.plausible("xx_" + Secrets.random(), "sr_"));
        assertFalse(Secrets.plausible(Secrets.random().substring(1) + "'", ""));
        assertTrue(Secrets.plausible(Secrets.random(), ""));
    }

    @Test
    void generatedPasswordsAvoidLookAlikes() {
        String password = Secrets.password(20);
        assertEquals(20, password.length());
        assertFalse(password.matches(".*[0O1lI].*"), password);
    }
}
