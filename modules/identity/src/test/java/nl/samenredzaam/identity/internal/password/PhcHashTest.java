package nl.samenredzaam.identity.internal.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PhcHashTest {

    private static final String REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    @Test
    void parsesEveryField() {
        PhcHash phc = PhcHash.parse(REFERENCE);
        assertEquals(19, phc.version());
        assertEquals(65536, phc.memoryKiB());
        assertEquals(2, phc.iterations());
        assertEquals(1, phc.parallelism());
        assertArrayEquals("somesalt".getBytes(StandardCharsets.US_ASCII), phc.salt());
        assertEquals(32, phc.hash().length);
    }

    @Test
    void formatIsTheInverseOfParse() {
        assertEquals(REFERENCE, PhcHash.parse(REFERENCE).format());
    }

    @Test
    void refusesOtherAlgorithmsAndBrokenStrings() {
        for (String bad : new String[] {"", "argon2id", "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=65536,t=2$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$extra",
                "$argon2id$v=19$m=65536,t=2,p=1$c29t!XNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"}) {
            assertThrows(IllegalArgumentException.class, () -> PhcHash.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PhcHash.parse(null));
    }

    @Test
    void errorAndToStringDoNotEchoTheHash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhcHash.parse("$argon2id$secret"));
        assertFalse(e.getMessage().contains("secret"));
        assertFalse(PhcHash.parse(REFERENCE).toString().contains("CTFhFdXPJO1"));
    }
}
