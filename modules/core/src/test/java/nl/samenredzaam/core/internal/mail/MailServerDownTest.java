package nl.samenredzaam.core.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.core.internal.db.BothDatabases;
import nl.samenredzaam.core.internal.db.TestDb;

/**
 * An e-mail server that is down: queued mail stays in the outbox, is retried on a growing schedule
 * (read from a fake clock, no sleeping), is never lost, and is delivered exactly once when the server
 * is back. On H2 and PostgreSQL, against a real SMTP server (GreenMail) that is started late.
 */
class MailServerDownTest {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private TestDb db;
    private MovableClock clock;
    private int port;
    private MailSender sender;
    private GreenMail server;

    @BeforeEach
    void setUp(TestDb db) throws IOException {
        this.db = db;
        this.clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now; nothing listens until the test starts the server
        }
        sender = new MailSender(db.db, new SmtpSettings("127.0.0.1", port, null, null, "noreply@lindeholt.example", false), clock, false);
        db.db.global(sql -> sql.update("delete from platform_mail_outbox where id > :none", "none", -1L));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        sender.deactivate();
        if (server != null) {
            server.stop();
        }
    }

    private record Row(int attempts, Instant next, Instant sent, String error) {
    }

    private List<Row> rows() {
        return db.db.global(sql -> sql.list("select attempts, next_attempt_at, sent_at, last_error from platform_mail_outbox where id > :none "
                + "order by id", r -> new Row(r.getInt(1), r.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        r.getObject(3, java.time.OffsetDateTime.class) == null ? null : r.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                        r.getString(4)), "none", -1L));
    }

    @BothDatabases
    void mailQueuedWhileTheServerIsDownIsRetriedAndDeliveredOnceWhenItIsBack() throws Exception {
        long initiative = db.newInitiative();
        MailerImpl mailer = new MailerImpl(clock);
        db.db.transaction(initiative, sql -> {
            mailer.send(sql, new Mail("anna@lindeholt.example", "Rit naar het ziekenhuis", "Dinsdag 9:00 haalt Kees u op."));
            mailer.send(sql, new Mail("kees@lindeholt.example", "Nieuwe rit", "Dinsdag 9:00, mevrouw De Vries."));
            mailer.send(sql, new Mail("coordinator@lindeholt.example", "Rit gepland", "Rit 12 is gepland."));
            return null;
        });
        Instant t0 = clock.instant();

        // down: nothing is sent, nothing is lost, each message gets its next attempt after 2 minutes
        assertEquals(0, sender.sendDue());
        List<Row> afterFirst = rows();
        assertEquals(3, afterFirst.size());
        for (Row r : afterFirst) {
            assertEquals(1, r.attempts());
            assertNull(r.sent());
            assertNotNull(r.error(), "the reason is kept for the operator");
            assertEquals(t0.plus(Duration.ofMinutes(2)), r.next());
        }

        // not due yet: not even tried (the server is not hammered)
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, sender.sendDue());
        assertTrue(rows().stream().allMatch(r -> r.attempts() == 1));

        // due: tried again, still down: the wait doubles
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, sender.sendDue());
        for (Row r : rows()) {
            assertEquals(2, r.attempts());
            assertEquals(clock.instant().plus(Duration.ofMinutes(4)), r.next());
        }

        // the server comes back; the messages go out at their next attempt, not before
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        assertEquals(0, sender.sendDue());
        assertEquals(0, server.getReceivedMessages().length);
        clock.advance(Duration.ofMinutes(4));
        assertEquals(3, sender.sendDue());

        MimeMessage[] received = server.getReceivedMessages();
        assertEquals(3, received.length);
        Set<String> subjects = new TreeSet<>();
        for (MimeMessage m : received) {
            subjects.add(m.getSubject() + " -> " + m.getAllRecipients()[0]);
        }
        assertEquals(Set.of("Rit naar het ziekenhuis -> anna@lindeholt.example", "Nieuwe rit -> kees@lindeholt.example",
                "Rit gepland -> coordinator@lindeholt.example"), subjects);
        for (Row r : rows()) {
            assertEquals(clock.instant(), r.sent());
            assertNull(r.error());
        }

        // delivered once: later rounds send nothing again
        clock.advance(Duration.ofHours(7));
        assertEquals(0, sender.sendDue());
        assertEquals(3, server.getReceivedMessages().length);
    }

    @BothDatabases
    void aSentMessageLosesItsTextAndEveryMessageLeavesTheOutboxAfterThirtyDays() throws Exception {
        long initiative = db.newInitiative();
        MailerImpl mailer = new MailerImpl(clock);
        db.db.transaction(initiative, sql -> {
            mailer.send(sql, new Mail("anna@lindeholt.example", "Wachtwoord herstellen", "Uw link: https://x.example/wachtwoord-herstellen/SECRET"));
            return null;
        });
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        assertEquals(1, sender.sendDue());
        assertTrue(server.getReceivedMessages()[0].getContent().toString().contains("SECRET"), "delivered with its text");
        assertEquals(List.of(""), bodies(), "the delivered text (with its one-time link) is not kept");

        clock.advance(Duration.ofDays(1));
        server.stop();
        server = null;
        db.db.transaction(initiative, sql -> {
            mailer.send(sql, new Mail("kees@lindeholt.example", "Uitnodiging", "Welkom"));
            return null;
        });
        assertEquals(0, sender.sendDue()); // the server is down: this one stays queued, with its text
        assertEquals(List.of("", "Welkom"), bodies());

        clock.advance(MailSender.KEEP.minus(Duration.ofDays(1)).plusSeconds(1));
        assertEquals(1, sender.purgeOld(), "the delivered one, queued 30 days ago, goes");
        assertEquals(List.of("Welkom"), bodies());
        clock.advance(Duration.ofDays(1));
        assertEquals(1, sender.purgeOld(), "an undelivered one goes too after 30 days");
        assertEquals(List.of(), bodies());
    }

    private List<String> bodies() {
        return db.db.global(sql -> sql.list("select body from platform_mail_outbox where id > :none order by id", r -> r.getString(1),
                "none", -1L));
    }

    @BothDatabases
    void theWaitBetweenAttemptsGrowsToSixHoursAndTheMessageIsKept() {
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> {
            new MailerImpl(clock).send(sql, new Mail("anna@lindeholt.example", "Herinnering", "Morgen koffieochtend."));
            return null;
        });
        long[] expectedMinutes = {2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360};
        for (long minutes : expectedMinutes) {
            assertEquals(0, sender.sendDue());
            Row r = rows().get(0);
            assertEquals(clock.instant().plus(Duration.ofMinutes(minutes)), r.next(), "after attempt " + r.attempts());
            clock.advance(Duration.ofMinutes(minutes));
        }
        Row r = rows().get(0);
        assertEquals(expectedMinutes.length, r.attempts());
        assertNull(r.sent(), "still queued, not dropped, after " + r.attempts() + " failed attempts");
    }
}
