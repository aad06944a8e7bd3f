package nl.samenredzaam.core.internal.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * Sends queued mail with retries (exponential back-off up to six hours). Each message is claimed
 * with a conditional update, so several nodes never send the same message twice at once. A mail
 * server that is down delays messages; it never loses them.
 */
@Component(immediate = true, service = MailSender.class)
public final class MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    /** How long a message stays in the outbox after it was queued. */
    static final Duration KEEP = Duration.ofDays(30);
    /** The service types Jakarta Mail and Activation look up through the context class loader. */
    static final Set<String> MAIL_SERVICE_TYPES = Set.of("jakarta.mail.util.StreamProvider", "jakarta.mail.Provider",
            "jakarta.activation.spi.MailcapRegistryProvider", "jakarta.activation.spi.MimeTypeRegistryProvider");

    private final PlatformDatabase db;
    private final SmtpSettings settings;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();
    private final ScheduledExecutorService executor;
    /** Context class loader for Jakarta Mail; core's own loader outside OSGi (tests). */
    private final ClassLoader mailLoader;

    @Activate
    public MailSender(BundleContext context, @Reference PlatformDatabase db) {
        this(db, SmtpSettings.from(context::getProperty), Clock.systemUTC(), true,
                ProviderClassLoader.of(context, MailSender.class.getClassLoader(), MAIL_SERVICE_TYPES));
    }

    MailSender(PlatformDatabase db, SmtpSettings settings, Clock clock, boolean start) {
        this(db, settings, clock, start, MailSender.class.getClassLoader());
    }

    private MailSender(PlatformDatabase db, SmtpSettings settings, Clock clock, boolean start, ClassLoader mailLoader) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
        this.mailLoader = mailLoader;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "samenredzaam-mail");
            t.setDaemon(true);
            return t;
        });
        if (start) {
            LOG.info("Mail server: {}", settings);
            if (settings.configured()) {
                executor.scheduleWithFixedDelay(this::sendDue, 5, 10, TimeUnit.SECONDS);
            }
            executor.scheduleWithFixedDelay(this::purgeOld, 1, 60, TimeUnit.MINUTES);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        nl.samenredzaam.core.internal.Executors2.stopGracefully(executor, 10);
    }

    private record Queued(long id, String to, String subject, String body, int attempts) {
    }

    /** Sends what is due now; returns the number sent. */
    int sendDue() {
        int sent = 0;
        try {
            Instant now = clock.instant();
            List<Queued> due = db.global(sql -> sql.list("select id, to_address, subject, body, attempts from platform_mail_outbox "
                    + "where sent_at is null and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now) "
                    + "order by id limit " + BATCH,
                    r -> new Queued(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5)), "now", now));
            for (Queued q : due) {
                if (!claim(q, now)) {
                    continue;
                }
                try {
                    deliver(q);
                    // The text goes once it is delivered: it may hold a one-time link (invitation,
                    // password reset) and personal details; address and subject stay as the record.
                    db.global(sql -> sql.update("update platform_mail_outbox set sent_at = :now, claimed_until = null, last_error = null, "
                            + "body = '' where id = :id", "now", clock.instant(), "id", q.id()));
                    sent++;
                } catch (MessagingException e) {
                    int attempts = q.attempts() + 1;
                    Duration backoff = Duration.ofMinutes(Math.min(360, 1L << Math.min(attempts, 9)));
                    db.global(sql -> sql.update("update platform_mail_outbox set attempts = :a, next_attempt_at = :next, "
                            + "claimed_until = null, last_error = :error where id = :id", "a", attempts,
                            "next", clock.instant().plus(backoff), "error", e.getClass().getSimpleName(), "id", q.id()));
                    LOG.warn("Mail {} not sent (attempt {}), retry in {} min", q.id(), attempts, backoff.toMinutes());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail outbox not processed: {}", e.getClass().getSimpleName());
        }
        return sent;
    }

    /**
     * Removes every message queued more than {@link #KEEP} ago, sent or not (AVG art. 5(1)(e)): the
     * record of a delivery is not needed longer, and a message that could not be delivered in that time
     * is of no use any more (the links in it expired long before). Idempotent, so every node may run it.
     *
     * @return the number of messages removed
     */
    int purgeOld() {
        try {
            Instant cutoff = clock.instant().minus(KEEP);
            int removed = db.global(sql -> sql.update("delete from platform_mail_outbox where created_at < :cutoff", "cutoff", cutoff));
            if (removed > 0) {
                LOG.info("Mail outbox: removed {} message(s) older than {} days", removed, KEEP.toDays());
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.warn("Mail outbox not cleaned: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    private boolean claim(Queued q, Instant now) {
        return db.global(sql -> sql.update("update platform_mail_outbox set claimed_until = :until where id = :id and sent_at is null "
                + "and (claimed_until is null or claimed_until < :now)", "until", now.plus(CLAIM), "id", q.id(), "now", now)) == 1;
    }

    private void deliver(Queued q) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        Authenticator auth = null;
        if (settings.user() != null) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                }
            };
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(mailLoader);
        try {
            Session session = Session.getInstance(props, auth);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(q.to(), true));
            message.setSubject(q.subject(), "UTF-8");
            message.setText(q.body(), "UTF-8");
            Transport.send(message);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

}
