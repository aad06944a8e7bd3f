package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;
import nl.samenredzaam.wmointake.internal.support.FakeDirectory;

/** The privacy contract: export, erasure, retention per file; free text never in a toString (and so never in a log). */
class PrivacyTest {

    private Harness h;
    private WmoIntakePrivacy privacy;
    private final FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);

    @BeforeEach
    void setUp() {
        h = new Harness();
        privacy = new WmoIntakePrivacy(WmoTerms.WMO_2015, h.clock);
        privacy.setDirectory(new FakeDirectory());
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    @Test
    void exportsTheWholeFileOfAPersonWithOrWithoutAccount() throws Exception {
        long withAccount = h.melding(professional, RESIDENT, "");
        h.melding(professional, 0, "Jan Zonder Account");
        h.page(professional, Method.POST, "/dossiers/{id}/gesprek", r -> r.pathParam("id", withAccount).form("zelf", "Kookt zelf"));
        Map<String, Object> export = h.db.transaction(1, sql -> privacy.export(sql, new Person(RESIDENT, null, null, null, null)));
        List<?> files = (List<?>) export.get("files");
        assertEquals(1, files.size());
        assertTrue(files.get(0).toString().contains("Kookt zelf"));
        assertEquals(1, ((List<?>) h.db.transaction(1, sql -> privacy.export(sql, new Person(null, "jan zonder account", null, null, null))).get("files")).size());
        assertTrue(((List<?>) h.db.transaction(2, sql -> privacy.export(sql, new Person(RESIDENT, null, null, null, null))).get("files")).isEmpty(),
                "another initiative");
    }

    @Test
    void erasesEverythingOfThePerson() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        h.page(professional, Method.POST, "/dossiers/{id}/zrm", r -> r.pathParam("id", id).form("measuredOn", "2026-11-20").form("financien", "3"));
        long other = h.melding(professional, RESIDENT2, "");
        assertEquals(1, h.db.transaction(1, sql -> privacy.erase(sql, new Person(RESIDENT, null, null, null, null))).removed());
        assertTrue(h.db.transaction(1, sql -> new FileRepository().find(sql, id)).isEmpty());
        assertTrue(h.db.transaction(1, sql -> new FileRepository().find(sql, other)).isPresent());
    }

    @Test
    void closedFilesAreRemovedAfterTheirOwnRetentionTerm() throws Exception {
        long shortTerm = h.melding(professional, RESIDENT, "");
        long longTerm = h.melding(professional, RESIDENT2, "");
        long open = h.melding(professional, RESIDENT, "");
        h.page(professional, Method.POST, "/dossiers/{id}/stap/{step}", r -> r.pathParam("id", shortTerm).pathParam("step", "sluiten")
                .form("closedOn", "2026-11-20").form("retentionYears", "1"));
        h.page(professional, Method.POST, "/dossiers/{id}/stap/{step}", r -> r.pathParam("id", longTerm).pathParam("step", "sluiten")
                .form("closedOn", "2026-11-20").form("retentionYears", "5"));
        assertEquals(0, (int) h.db.transaction(1, sql -> privacy.purgeExpired(sql, Instant.parse("2027-11-20T12:00:00Z"))), "on the last day it is kept");
        assertEquals(1, (int) h.db.transaction(1, sql -> privacy.purgeExpired(sql, Instant.parse("2027-11-21T12:00:00Z"))));
        FileRepository files = new FileRepository();
        assertTrue(h.db.transaction(1, sql -> files.find(sql, shortTerm)).isEmpty());
        assertTrue(h.db.transaction(1, sql -> files.find(sql, longTerm)).isPresent());
        assertTrue(h.db.transaction(1, sql -> files.find(sql, open)).isPresent(), "open files are never purged");
    }

    @Test
    void theRetentionDefaultComesFromTheSetting() throws Exception {
        h.page(professional, Method.POST, "/dossiers", r -> r.setting(WmoIntakeModule.RETENTION_SETTING, "12")
                .form("residentName", "Jan").form("meldingDate", "2026-11-20").form("reportedBy", "INWONER").form("channel", "TELEFOON")
                .form("requestText", "x").form("consentProcessing", "true").form("professionalUserId", "" + PROFESSIONAL));
        assertEquals(12, h.db.transaction(1, sql -> new FileRepository().byName(sql, "Jan", null)).get(0).retentionYears());
        assertEquals(7, WmoIntakeModule.retentionYears("zeven"), "a wrong setting falls back to the default");
        assertEquals(7, WmoIntakeModule.retentionYears("99"));
    }

    @Test
    void recordsWithFreeTextNeverShowItInToString() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        h.page(professional, Method.POST, "/dossiers/{id}/gesprek", r -> r.pathParam("id", id).form("vraag", "geheime vraag"));
        IntakeFile f = h.db.transaction(1, sql -> new FileRepository().find(sql, id)).orElseThrow();
        Conversation c = h.db.transaction(1, sql -> new FileRepository().conversation(sql, id)).orElseThrow();
        for (Object o : List.of(f, c, new FileDetail(f, FileAccess.Level.STAFF, List.of(), c, List.of(), List.of(), List.of(), "a", "b", "c"))) {
            assertFalse(o.toString().contains("trap"), o.toString());
            assertFalse(o.toString().contains("Gerrit"), o.toString());
            assertFalse(o.toString().contains("geheime"), o.toString());
        }
    }
}
