package nl.samenredzaam.identity.platform;

import org.osgi.annotation.versioning.ConsumerType;

import nl.samenredzaam.api.mail.Mail;

/**
 * Writes an account e-mail (an invitation, a password reset) around its secret link token. The web
 * layer knows the site's address and the texts; identity knows the token and queues the mail in
 * the same transaction that stores the token's hash, so the secret never travels further.
 */
@ConsumerType
@FunctionalInterface
public interface MailTemplate {

    /**
     * @param to          the recipient's address
     * @param displayName the recipient's name
     * @param token       the secret token the link must carry
     */
    Mail mail(String to, String displayName, String token);
}
