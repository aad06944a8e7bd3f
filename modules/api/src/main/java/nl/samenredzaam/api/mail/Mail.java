package nl.samenredzaam.api.mail;

import java.util.Objects;

/**
 * A plain-text e-mail.
 *
 * @param to      recipient address
 * @param subject subject line
 * @param body    plain text body
 */
public record Mail(String to, String subject, String body) {
    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
