package nl.samenredzaam.testing.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;

/**
 * A {@link Mailer} that sends nothing and remembers every mail with its initiative. Unlike the
 * platform's mailer (which sends only after the transaction commits) it records at once, also when
 * the transaction later rolls back: assert on what your code asked to send.
 */
public final class RecordingMailer implements Mailer {

    /** A mail and the initiative of the {@link Sql} it was sent with. */
    public record Sent(long initiativeId, Mail mail) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void send(Sql sql, Mail mail) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(mail, "mail");
        sent.add(new Sent(sql.initiativeId(), mail));
    }

    /** Every mail, in the order sent. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The mails to one address (compared without regard to case). */
    public synchronized List<Mail> sentTo(String address) {
        return sent.stream().map(Sent::mail).filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        sent.clear();
    }
}
