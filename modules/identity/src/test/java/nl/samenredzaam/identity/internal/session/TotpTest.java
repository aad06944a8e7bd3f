package nl.samenredzaam.identity.internal.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, appendix B: every test vector, eight digits, 30-second steps. */
    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void rfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(sha1, Totp.code(SHA1_KEY, step, 8, "SHA1"));
        assertEquals(sha256, Totp.code(SHA256_KEY, step, 8, "SHA256"));
        assertEquals(sha512, Totp.code(SHA512_KEY, step, 8, "SHA512"));
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(SHA1_KEY));
        assertArrayEquals(SHA1_KEY, Totp.decodeBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        String secret = Totp.newSecret();
        assertEquals(32, secret.length());
        assertEquals(secret, Totp.base32(Totp.decodeBase32(secret)));
    }

    @Test
    void aCodeIsAcceptedWithinOneStepAndOnlyOnce() {
        String secret = Totp.base32(SHA1_KEY);
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        // six-digit codes are the last six of the RFC's eight
        assertEquals("050471", Totp.code(secret, step));
        assertEquals(OptionalLong.of(step), Totp.verify(secret, "050 471", now, 0));
        assertEquals(OptionalLong.of(step - 1), Totp.verify(secret, Totp.code(secret, step - 1), now, 0));
        assertEquals(OptionalLong.of(step + 1), Totp.verify(secret, Totp.code(secret, step + 1), now, 0));
        assertFalse(Totp.verify(secret, Totp.code(secret, step - 2), now, 0).isPresent(), "two steps old");
        assertFalse(Totp.verify(secret, "050471", now, step).isPresent(), "the step was used already");
        assertFalse(Totp.verify(secret, "12345", now, 0).isPresent());
        assertFalse(Totp.verify(secret, "abcdef", now, 0).isPresent());
        assertFalse(Totp.verify(secret, null, now, 0).isPresent());
    }

    @Test
    void theUriIsWhatAuthenticatorAppsRead() {
        String uri = Totp.uri("Samenredzaam", "henk mulder", "JBSWY3DPEHPK3PXP");
        assertEquals("otpauth://totp/Samenredzaam:henk%20mulder?secret=JBSWY3DPEHPK3PXP&issuer=Samenredzaam"
                + "&algorithm=SHA1&digits=6&period=30", uri);
        assertTrue(Totp.grouped("JBSWY3DPEHPK3PXP").equals("JBSW Y3DP EHPK 3PXP"));
    }
}
