package nl.samenredzaam.identity.internal.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be stored readable (TOTP secrets) with AES-256-GCM under a key that is
 * not in the database: {@code SAMENREDZAAM_SECRET_KEY} (or the system property
 * {@code samenredzaam.secret.key}), 32 bytes in base64 ({@code openssl rand -base64 32}). Each value
 * is bound to its owner (associated data), so a stored value copied to another account does not
 * open. Without a key, values are stored as they are (and read back either way), so a platform can
 * add a key later; values sealed with a key cannot be read without it.
 */
public final class SecretBox {

    public static final String ENV = "SAMENREDZAAM_SECRET_KEY";
    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SecretBox(SecretKey key) {
        this.key = key;
    }

    /** No key: values are stored as they are. */
    public static SecretBox none() {
        return new SecretBox(null);
    }

    /** A key of 32 bytes, base64. */
    public static SecretBox of(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(ENV + " must be 32 bytes (openssl rand -base64 32)");
        }
        return new SecretBox(new SecretKeySpec(bytes, "AES"));
    }

    /** From the system property or environment variable; {@link #none()} when neither is set. */
    public static SecretBox fromEnvironment() {
        String value = System.getProperty("samenredzaam.secret.key");
        if (value == null || value.isBlank()) {
            value = System.getenv(ENV);
        }
        return value == null || value.isBlank() ? none() : of(value);
    }

    public boolean hasKey() {
        return key != null;
    }

    /** The value to store for {@code plain}, owned by {@code owner}. */
    public String seal(String plain, long owner) {
        if (key == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(owner));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM missing", e);
        }
    }

    /** The plain value of a stored one; empty when it is sealed and cannot be opened (no key, another key, another owner, changed). */
    public Optional<String> open(String stored, long owner) {
        if (stored == null) {
            return Optional.empty();
        }
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            cipher.updateAAD(aad(owner));
            return Optional.of(new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] aad(long owner) {
        return ("samenredzaam-totp:" + owner).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return key == null ? "SecretBox[no key]" : "SecretBox[AES-256-GCM]";
    }
}
