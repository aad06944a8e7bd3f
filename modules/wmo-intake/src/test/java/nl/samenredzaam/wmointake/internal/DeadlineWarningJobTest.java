package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;
import nl.samenredzaam.wmointake.internal.support.FakeDirectory;

/** E-mail warnings to the assigned professional before and after a duty term ends. */
class DeadlineWarningJobTest {

    private Harness h;
    private final List<Mail> sent = new ArrayList<>();
    private DeadlineWarningJob job;
    private long file;

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness();
        job = new DeadlineWarningJob(new DeadlineClock(WmoTerms.WMO_2015), (sql, mail) -> sent.add(mail), new Members(new FakeDirectory()));
        // melding Monday 2 November 2026: onderzoek ends Monday 14 December
        file = h.melding(Harness.actor(PROFESSIONAL, Role.PROFESSIONAL), RESIDENT, "");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private void runAt(String instant) {
        h.db.transaction(1, sql -> {
            job.run(sql, Instant.parse(instant));
            return null;
        });
    }

    @Test
    void warnsOnceWhenTheTermComesCloseAndOnceWhenItHasPassed() {
        runAt("2026-12-10T08:00:00Z"); // 4 days left: not yet
        assertTrue(sent.isEmpty());
        runAt("2026-12-11T08:00:00Z"); // 3 days left
        assertEquals(1, sent.size());
        runAt("2026-12-11T09:00:00Z");
        runAt("2026-12-12T09:00:00Z");
        assertEquals(1, sent.size(), "only once per term and level");
        runAt("2026-12-15T08:00:00Z");
        assertEquals(2, sent.size());
        Mail soon = sent.get(0);
        assertEquals("marieke@example.org", soon.to());
        assertEquals("Wmo-termijn: dossier " + file, soon.subject());
        assertTrue(soon.body().contains("14 december 2026"), soon.body());
        assertTrue(sent.get(1).body().contains("verlopen"));
    }

    @Test
    void theMailHoldsNoNameAndNoFreeText() {
        runAt("2026-12-15T08:00:00Z");
        String all = sent.get(0).subject() + sent.get(0).body();
        assertFalse(all.contains("Gerrit"));
        assertFalse(all.contains("trap"), "no words of the request");
    }

    @Test
    void aMetTermAndAClosedFileAreNotWarnedAbout() throws Exception {
        FakeActor p = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);
        h.page(p, Method.POST, "/dossiers/{id}/stap/{step}", r -> r.pathParam("id", file).pathParam("step", "sluiten").form("closedOn", "2026-11-20"));
        runAt("2026-12-15T08:00:00Z");
        assertTrue(sent.isEmpty());
    }

    @Test
    void anotherInitiativeIsNotTouched() {
        h.db.transaction(2, sql -> {
            job.run(sql, Instant.parse("2026-12-15T08:00:00Z"));
            return null;
        });
        assertTrue(sent.isEmpty());
    }
}
