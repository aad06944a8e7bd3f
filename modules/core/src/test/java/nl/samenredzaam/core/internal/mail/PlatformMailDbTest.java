package nl.samenredzaam.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.core.internal.db.BothDatabases;
import nl.samenredzaam.core.internal.db.TestDb;
import nl.samenredzaam.core.internal.mail.MailServerDownTest.MovableClock;

/**
 * Mail outside an initiative (a platform operator's password reset or sign-in notice) belongs to the
 * platform: queued through the platform-wide {@code Sql} it is stored without an initiative and sent like
 * any other; mail queued in an initiative's transaction still carries that initiative. On H2 and
 * PostgreSQL, delivered to a real SMTP server (GreenMail).
 */
class PlatformMailDbTest {

    private TestDb db;
    private MovableClock clock;
    private MailSender sender;
    private GreenMail server;

    @BeforeEach
    void setUp(TestDb db) throws IOException {
        this.db = db;
        this.clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        sender = new MailSender(db.db, new SmtpSettings("127.0.0.1", port, null, null, "noreply@samenredzaam.example", false), clock,
                false);
        db.db.global(sql -> sql.update("delete from platform_mail_outbox where id > :none", "none", -1L));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        sender.deactivate();
        server.stop();
    }

    private record Row(Long initiative, String to, Instant sent) {
    }

    private List<Row> rows() {
        return db.db.global(sql -> sql.list("select initiative_id, to_address, sent_at from platform_mail_outbox where id > :none order by id",
                r -> new Row(r.getObject(1) == null ? null : r.getLong(1), r.getString(2),
                        r.getObject(3, java.time.OffsetDateTime.class) == null ? null
                                : r.getObject(3, java.time.OffsetDateTime.class).toInstant()),
                "none", -1L));
    }

    @BothDatabases
    void mailOutsideAnInitiativeBelongsToThePlatformAndIsDelivered() throws Exception {
        MailerImpl mailer = new MailerImpl(clock);
        db.db.global(sql -> {
            mailer.send(sql, new Mail("beheer@samenredzaam.example", "Nieuw wachtwoord / New password", "Link: /wachtwoord-herstellen/x"));
            return null;
        });

        List<Row> queued = rows();
        assertEquals(1, queued.size());
        assertNull(queued.get(0).initiative(), "no initiative: the mail belongs to the platform");
        assertEquals("beheer@samenredzaam.example", queued.get(0).to());

        assertEquals(1, sender.sendDue());
        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("beheer@samenredzaam.example", received[0].getAllRecipients()[0].toString());
        assertEquals("Nieuw wachtwoord / New password", received[0].getSubject());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("/wachtwoord-herstellen/x"));
        assertEquals(clock.instant(), rows().get(0).sent());
    }

    @BothDatabases
    void mailInAnInitiativesTransactionStillCarriesThatInitiative() {
        long lindeholt = db.newInitiative();
        MailerImpl mailer = new MailerImpl(clock);
        db.db.transaction(lindeholt, sql -> {
            mailer.send(sql, new Mail("anna@lindeholt.example", "Rit", "Dinsdag 9:00."));
            return null;
        });
        db.db.global(sql -> {
            mailer.send(sql, new Mail("beheer@samenredzaam.example", "Melding", "Uw wachtwoord is gewijzigd."));
            return null;
        });
        assertEquals(List.of(new Row(lindeholt, "anna@lindeholt.example", null), new Row(null, "beheer@samenredzaam.example", null)),
                rows());
        assertEquals(2, sender.sendDue());
        assertEquals(2, server.getReceivedMessages().length);
    }

    @BothDatabases
    void platformMailIsQueuedOnlyWhenThePlatformTransactionCommits() {
        MailerImpl mailer = new MailerImpl(clock);
        assertThrows(IllegalStateException.class, () -> db.db.global(sql -> {
            mailer.send(sql, new Mail("beheer@samenredzaam.example", "Nieuw wachtwoord", "Link"));
            throw new IllegalStateException("the change that causes the mail fails");
        }));
        assertEquals(List.of(), rows());
        assertEquals(0, sender.sendDue());
        assertEquals(0, server.getReceivedMessages().length);
    }
}
