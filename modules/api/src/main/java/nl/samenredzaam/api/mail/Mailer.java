package nl.samenredzaam.api.mail;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;

/**
 * Queues e-mail in the caller's transaction: it is sent only if the transaction commits.
 *
 * <p>Mail queued inside an initiative's transaction belongs to that initiative. Mail sent outside
 * any initiative (the platform's own platform-wide transaction, e.g. a password reset for a
 * platform operator who belongs to no initiative) belongs to the platform: it is stored without an
 * initiative. Modules only ever get an initiative's {@link Sql}, so their mail always belongs to
 * the initiative.
 */
@ProviderType
public interface Mailer {

    /**
     * Queues one message in the transaction of {@code sql}; nothing is sent if that transaction
     * rolls back. Sending happens later, with retries, so a mail server that is down loses nothing.
     *
     * @param sql  the caller's transaction: an initiative's, or the platform's own (then the mail
     *             belongs to the platform, not to an initiative)
     * @param mail the message; its address must look like an e-mail address
     * @throws IllegalArgumentException when the address is not an e-mail address
     */
    void send(Sql sql, Mail mail);
}
