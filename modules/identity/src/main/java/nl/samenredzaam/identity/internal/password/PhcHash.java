package nl.samenredzaam.identity.internal.password;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in unpadded standard Base64.
 *
 * @param version     Argon2 version (19 = 0x13)
 * @param memoryKiB   memory cost in KiB
 * @param iterations  time cost
 * @param parallelism lanes
 * @param salt        the salt
 * @param hash        the derived key
 */
public record PhcHash(int version, int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{16,})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    public PhcHash {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Parses a PHC string; an {@link IllegalArgumentException} for anything else (without echoing it). */
    public static PhcHash parse(String phc) {
        Matcher m = phc == null ? null : FORMAT.matcher(phc);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
        try {
            return new PhcHash(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), DECODER.decode(m.group(5)), DECODER.decode(m.group(6)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Argon2id PHC string");
        }
    }

    /** The PHC string. */
    public String format() {
        return "$argon2id$v=" + version + "$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhcHash other && format().equals(other.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    @Override
    public String toString() {
        return "PhcHash[argon2id v=" + version + " m=" + memoryKiB + " t=" + iterations + " p=" + parallelism + "]";
    }
}
