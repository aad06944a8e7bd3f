package nl.samenredzaam.identity.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (session ids, API tokens, CSRF tokens, generated passwords) and their stored hashes. */
public final class Secrets {

    /** Prefix of API tokens, so that a leaked one is easy to recognise (e.g. by secret scanners). */
    public static final String TOKEN_PREFIX = "sr_";

    private static final int SECRET_BYTES = 32;
    /** No look-alikes (0/O, 1/l/I), so a printed password can be typed over. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    /** 32 random bytes, base64url: 43 characters, 256 bits. */
    public static String random() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** A new API token: {@code sr_} and 32 random bytes in base64url. */
    public static String token() {
        return TOKEN_PREFIX + random();
    }

    /** A random password of {@code length} characters that is easy to type. */
    public static String password(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    /**
     * SHA-256 of a secret, hex: what is stored instead of a session id or token. A fast hash is
     * right here because the secrets are 256-bit random values, not guessable passwords.
     */
    public static String sha256(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    /** Whether a value can be a secret made here (length and alphabet), checked before any lookup. */
    public static boolean plausible(String value, String prefix) {
        if (value == null || !value.startsWith(prefix) || value.length() != prefix.length() + 43) {
            return false;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
