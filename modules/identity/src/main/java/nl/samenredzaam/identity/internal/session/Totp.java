package nl.samenredzaam.identity.internal.session;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 on HOTP, RFC 4226): HMAC-SHA1, 30-second steps, six
 * digits, which is what every authenticator app supports. Written here on {@code javax.crypto}
 * rather than taken from a library: the maintained Java TOTP libraries on Maven Central
 * (e.g. {@code dev.samstevens.totp}, {@code com.eatthepath:java-otp}) carry no OSGi headers or
 * pull in QR-code libraries we do not want, and the algorithm is about thirty lines that the RFC's
 * own test vectors check ({@code TotpTest}).
 */
public final class Totp {

    /** Seconds per step (RFC 6238 default). */
    public static final int STEP_SECONDS = 30;
    /** Steps accepted before and after the current one, for clocks that drift a little. */
    public static final int WINDOW = 1;
    private static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new secret of 160 bits (the size RFC 4226 recommends), base32 without padding. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    /** The step number of a moment. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, {@code digits} long, with HMAC-{@code algorithm} (SHA1, SHA256 or SHA512). */
    public static String code(byte[] key, long step, int digits, String algorithm) {
        try {
            Mac mac = Mac.getInstance("Hmac" + algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int otp = (int) (binary % (long) Math.pow(10, digits));
            return String.format(Locale.ROOT, "%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC missing", e);
        }
    }

    /** The six-digit HMAC-SHA1 code of a base32 secret at a step. */
    public static String code(String base32Secret, long step) {
        return code(decodeBase32(base32Secret), step, 6, "SHA1");
    }

    /**
     * The step whose code matches, within {@link #WINDOW} steps of {@code now} and after
     * {@code lastUsedStep} (so a code cannot be used twice, RFC 6238 §5.2); empty otherwise.
     * Spaces in the code are ignored; every candidate is compared in constant time.
     */
    public static OptionalLong verify(String base32Secret, String code, Instant now, long lastUsedStep) {
        if (code == null) {
            return OptionalLong.empty();
        }
        String digits = code.replace(" ", "");
        if (!digits.matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        byte[] key = decodeBase32(base32Secret);
        long current = step(now);
        long found = -1;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean same = MessageDigest.isEqual(code(key, s, 6, "SHA1").getBytes(), digits.getBytes());
            if (same && s > lastUsedStep && found < 0) {
                found = s;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The {@code otpauth://} URI authenticator apps understand (typed in or made into a QR code elsewhere). */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
    }

    /** The secret in groups of four, easier to type over. */
    public static String grouped(String base32Secret) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base32Secret.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(base32Secret, i, Math.min(base32Secret.length(), i + 4));
        }
        return out.toString();
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] decodeBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = BASE32.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) ((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
