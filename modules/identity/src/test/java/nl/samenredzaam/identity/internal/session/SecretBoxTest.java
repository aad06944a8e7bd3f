package nl.samenredzaam.identity.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    @Test
    void sealedValuesOpenOnlyWithTheKeyForTheirOwner() {
        SecretBox box = SecretBox.of(KEY);
        String secret = "LINDEHOLTDEMOBEHEERDERTOTPCODES2";
        String stored = box.seal(secret, 42);
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(secret));
        assertNotEquals(stored, box.seal(secret, 42), "a fresh nonce every time");
        assertEquals(Optional.of(secret), box.open(stored, 42));
        assertEquals(Optional.empty(), box.open(stored, 43), "copied to another account it does not open");
        assertEquals(Optional.empty(), SecretBox.of(OTHER_KEY).open(stored, 42), "another key");
        assertEquals(Optional.empty(), SecretBox.none().open(stored, 42), "no key");
        String tampered = stored.substring(0, stored.length() - 2) + (stored.endsWith("A") ? "BB" : "AA");
        assertEquals(Optional.empty(), box.open(tampered, 42), "changed");
        assertEquals(Optional.empty(), box.open("v1:kapot", 42));
    }

    @Test
    void withoutAKeyValuesAreStoredAsTheyAreAndOldOnesStillRead() {
        assertEquals("PLAIN", SecretBox.none().seal("PLAIN", 1));
        assertEquals(Optional.of("PLAIN"), SecretBox.of(KEY).open("PLAIN", 1), "values from before the key was set");
    }

    @Test
    void aWrongKeyIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> SecretBox.of("kort"));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.of("!!!"));
    }
}
