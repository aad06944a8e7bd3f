package nl.samenredzaam.identity.internal.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing with Bouncy Castle, stored as a PHC string. Passwords are normalised
 * to Unicode NFKC first, so the same password typed on another device verifies (NIST SP 800-63B).
 *
 * @param memoryKiB   memory cost
 * @param iterations  time cost
 * @param parallelism lanes
 */
public record Argon2id(int memoryKiB, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet: m=19456 KiB (19 MiB), t=2, p=1. */
    public static final Argon2id OWASP = new Argon2id(19_456, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Argon2id {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
    }

    /** A new hash of the password with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        PhcHash phc = new PhcHash(Argon2Parameters.ARGON2_VERSION_13, memoryKiB, iterations, parallelism, salt,
                derive(password, salt, memoryKiB, iterations, parallelism, Argon2Parameters.ARGON2_VERSION_13, HASH_BYTES));
        return phc.format();
    }

    /**
     * Whether the password matches the stored PHC string, compared in constant time. A stored
     * value that is not a valid Argon2id string never matches.
     */
    public boolean verify(String password, String stored) {
        PhcHash phc;
        try {
            phc = PhcHash.parse(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (phc.version() != Argon2Parameters.ARGON2_VERSION_13 && phc.version() != Argon2Parameters.ARGON2_VERSION_10
                || !inRange(phc.memoryKiB(), phc.iterations(), phc.parallelism(), phc.hash().length)) {
            return false;
        }
        byte[] expected = phc.hash();
        byte[] actual = derive(password, phc.salt(), phc.memoryKiB(), phc.iterations(), phc.parallelism(), phc.version(),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash was made with other parameters than these and should be replaced at the next sign-in. */
    public boolean needsRehash(String stored) {
        try {
            PhcHash phc = PhcHash.parse(stored);
            return phc.memoryKiB() != memoryKiB || phc.iterations() != iterations || phc.parallelism() != parallelism
                    || phc.version() != Argon2Parameters.ARGON2_VERSION_13;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int version,
            int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(version)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] input = bytes(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(input, out);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
        return out;
    }

    /** Limits on stored parameters, so that a tampered hash cannot make one verification take minutes or gigabytes. */
    private static boolean inRange(int memory, int iterations, int parallelism, int length) {
        return memory >= 8 * parallelism && memory <= 1 << 21 && iterations >= 1 && iterations <= 100
                && parallelism >= 1 && parallelism <= 16 && length >= 16 && length <= 128;
    }

    private static byte[] bytes(String password) {
        String value = password == null ? "" : password;
        return Normalizer.normalize(value, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
    }
}
