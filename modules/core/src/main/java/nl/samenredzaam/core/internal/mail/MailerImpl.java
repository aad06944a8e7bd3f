package nl.samenredzaam.core.internal.mail;

import java.time.Clock;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;

/**
 * Queues mail in {@code platform_mail_outbox} within the caller's transaction; {@link MailSender} sends it.
 * Mail queued with an initiative's {@code Sql} carries that initiative's id; mail queued with the
 * platform-wide {@code Sql} of {@code PlatformDatabase.global} (no initiative, {@code initiativeId()} 0)
 * belongs to the platform and carries none ({@code initiative_id} null).
 */
@Component(service = Mailer.class)
public final class MailerImpl implements Mailer {

    private final Clock clock;

    public MailerImpl() {
        this(Clock.systemUTC());
    }

    MailerImpl(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void send(Sql sql, Mail mail) {
        if (!mail.to().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        var now = clock.instant();
        // a platform-wide Sql (PlatformDatabase.global) has no initiative and does not bind :initiative
        String initiative = sql.initiativeId() > 0 ? ":initiative" : "null";
        sql.insert("insert into platform_mail_outbox (initiative_id, to_address, subject, body, created_at, attempts, next_attempt_at) "
                + "values (" + initiative + ", :to, :subject, :body, :now, 0, :now)",
                "to", mail.to(), "subject", truncate(mail.subject(), 300), "body", truncate(mail.body(), 20000), "now", now);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
