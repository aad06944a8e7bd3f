package nl.samenredzaam.api.mail;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;

/** Queues e-mail in the caller's transaction: it is sent only if the transaction commits. */
@ProviderType
public interface Mailer {

    void send(Sql sql, Mail mail);
}
