package nl.samenredzaam.identity.platform;

/**
 * A second factor being set up: the secret to type into an authenticator app (or the
 * {@code otpauth://} address to open with one). Shown once, until confirmed with a code.
 *
 * @param secret     base32, in groups of four
 * @param otpauthUri the standard address with the same secret
 */
public record TotpEnrolment(String secret, String otpauthUri) {

    @Override
    public String toString() {
        return "TotpEnrolment[secret hidden]";
    }
}
