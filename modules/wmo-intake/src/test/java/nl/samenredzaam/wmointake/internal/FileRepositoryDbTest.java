package nl.samenredzaam.wmointake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmDomain;
import nl.samenredzaam.instruments.ZrmScores;
import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.wmointake.internal.support.FakeDirectory;

/** The module's tables and statements on real H2 and real PostgreSQL, migrated by Liquibase like in the platform. */
@DatabaseTest(migrations = "db/wmo-intake/changelog.sql")
class FileRepositoryDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final TestDatabase db;
    private final FileRepository files = new FileRepository();
    private final MeasurementRepository measurements = new MeasurementRepository();

    FileRepositoryDbTest(TestDatabase db) {
        this.db = db;
    }

    private static MeldingInput melding(long resident, String name) {
        return new MeldingInput(resident == 0 ? null : resident, name, "06 1234 5678", LocalDate.of(2026, 11, 2),
                Choices.ReportedBy.FAMILIE, "Anja", Choices.Channel.TELEFOON, "Hulp bij het huishouden, ëën accent", true, true,
                false, true, FakeDirectory.PROFESSIONAL, null, FakeDirectory.COORDINATOR);
    }

    @Test
    void storesAndReadsAFileOnlyInItsInitiative() {
        long a = db.newInitiative();
        long b = db.newInitiative();
        long id = db.inInitiative(a, sql -> files.create(sql, melding(40, "Gerrit de Boer"), 7, NOW));
        IntakeFile f = db.inInitiative(a, sql -> files.find(sql, id)).orElseThrow();
        assertEquals("Gerrit de Boer", f.residentName());
        assertEquals(LocalDate.of(2026, 11, 2), f.meldingDate());
        assertEquals("Hulp bij het huishouden, ëën accent", f.requestText());
        assertEquals(NOW, f.createdAt());
        assertEquals(FileStatus.MELDING, f.status());
        assertEquals(null, f.agreed());
        assertTrue(db.inInitiative(b, sql -> files.find(sql, id)).isEmpty(), "not visible in another initiative");
        assertTrue(db.inInitiative(b, sql -> files.assignedTo(sql, FakeDirectory.PROFESSIONAL, true)).isEmpty());
        assertTrue(db.inInitiative(b, sql -> files.ofResident(sql, 40)).isEmpty());
        assertEquals(0, (int) db.inInitiative(b, sql -> files.delete(sql, id)), "cannot be deleted from another initiative");
        assertEquals(1, db.inInitiative(a, sql -> files.assignedTo(sql, FakeDirectory.COORDINATOR, false)).size());
    }

    @Test
    void conversationIsInsertedThenUpdated() {
        long a = db.newInitiative();
        long id = db.inInitiative(a, sql -> files.create(sql, melding(40, "Gerrit"), 7, NOW));
        db.inInitiative(a, sql -> {
            files.saveConversation(sql, new Conversation(id, LocalDate.of(2026, 11, 20), "Gerrit", "vraag", null, "zelf", null, null, null,
                    null, null, NOW), NOW);
            files.saveConversation(sql, new Conversation(id, LocalDate.of(2026, 11, 21), "Gerrit, Anja", "vraag 2", "omst", "zelf", "herw",
                    "netw", "vrijw", "voorz", "maat", NOW), NOW);
            return null;
        });
        Conversation c = db.inInitiative(a, sql -> files.conversation(sql, id)).orElseThrow();
        assertEquals("vraag 2", c.vraag());
        assertEquals("maat", c.maatwerk());
        assertEquals(LocalDate.of(2026, 11, 21), c.heldOn());
    }

    @Test
    void measurementsKeepTheirHistoryInOrder() {
        long a = db.newInitiative();
        long id = db.inInitiative(a, sql -> files.create(sql, melding(40, "Gerrit"), 7, NOW));
        db.inInitiative(a, sql -> {
            measurements.addPositiveHealth(sql, id, ph(LocalDate.of(2026, 11, 20), 6, Set.of(PositiveHealthDimension.ZINGEVING)), NOW);
            measurements.addPositiveHealth(sql, id, ph(LocalDate.of(2026, 9, 1), 3, Set.of()), NOW);
            measurements.addZrm(sql, id, new ZrmScores(LocalDate.of(2026, 11, 20), Map.of(ZrmDomain.JUSTITIE, 5, ZrmDomain.FINANCIEN, 1)), NOW);
            return null;
        });
        List<PositiveHealthScores> history = db.inInitiative(a, sql -> measurements.positiveHealth(sql, id));
        assertEquals(List.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 20)), history.stream().map(PositiveHealthScores::measuredOn).toList());
        assertEquals(6, history.get(1).score(PositiveHealthDimension.MEEDOEN));
        assertEquals(Set.of(PositiveHealthDimension.ZINGEVING), history.get(1).wantToTalk());
        ZrmScores zrm = db.inInitiative(a, sql -> measurements.zrm(sql, id)).get(0);
        assertEquals(Map.of(ZrmDomain.JUSTITIE, 5, ZrmDomain.FINANCIEN, 1), zrm.scores());
        assertTrue(db.inInitiative(db.newInitiative(), sql -> measurements.positiveHealth(sql, id)).isEmpty());
    }

    @Test
    void stepsLinksWarningsAndRetention() {
        long a = db.newInitiative();
        long id = db.inInitiative(a, sql -> files.create(sql, melding(0, "Jan Zonder Account"), 2, NOW));
        OffsetDateTime walk = OffsetDateTime.parse("2026-12-03T10:00+01:00");
        db.inInitiative(a, sql -> {
            files.verslagSent(sql, id, LocalDate.of(2026, 11, 20), NOW);
            files.reaction(sql, id, "Klopt", Boolean.FALSE, LocalDate.of(2026, 11, 21), NOW);
            files.aanvraag(sql, id, LocalDate.of(2026, 11, 22), NOW);
            files.beschikking(sql, id, LocalDate.of(2026, 11, 24), Choices.Decision.AFGEWEZEN, null, NOW);
            files.addLink(sql, id, Choices.LinkKind.ACTIVITY, 55L, "Wandelgroep", walk, NOW);
            assertTrue(files.markWarned(sql, id, "ONDERZOEK", LocalDate.of(2026, 12, 14), "soon", NOW));
            assertFalse(files.markWarned(sql, id, "ONDERZOEK", LocalDate.of(2026, 12, 14), "soon", NOW));
            files.close(sql, id, LocalDate.of(2026, 11, 25), "Afgerond", 1, NOW);
            return null;
        });
        IntakeFile f = db.inInitiative(a, sql -> files.find(sql, id)).orElseThrow();
        assertEquals(FileStatus.GESLOTEN, f.status());
        assertEquals(Boolean.FALSE, f.agreed());
        assertEquals("AFGEWEZEN", f.decision());
        assertEquals(1, f.retentionYears());
        Link link = db.inInitiative(a, sql -> files.links(sql, id)).get(0);
        assertTrue(walk.isEqual(link.startsAt()), link.startsAt().toString());
        assertEquals(1, db.inInitiative(a, sql -> files.byName(sql, "JAN ZONDER ACCOUNT", null)).size());
        assertTrue(db.inInitiative(a, sql -> files.expired(sql, LocalDate.of(2027, 11, 25))).isEmpty());
        assertEquals(List.of(id), db.inInitiative(a, sql -> files.expired(sql, LocalDate.of(2027, 11, 26))));
        assertEquals(1, (int) db.inInitiative(a, sql -> files.delete(sql, id)), "the file and, cascading, its links and warnings");
        assertTrue(db.inInitiative(a, sql -> files.links(sql, id)).isEmpty());
    }

    @Test
    void theWholeFlowThroughTheModuleOnThisDatabase() throws Exception {
        long a = db.newInitiative();
        var initiative = new nl.samenredzaam.api.initiative.Initiative(a, "lindeholt", "Dorpszorg Lindeholt", false);
        WmoIntakeModule module = new WmoIntakeModule(nl.samenredzaam.wmointake.internal.deadline.WmoTerms.WMO_2015,
                java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        module.setDirectory(new FakeDirectory());
        FakeActor professional = Harness.actor(FakeDirectory.PROFESSIONAL, Role.PROFESSIONAL);
        WebResponse created = db.inInitiative(a, sql -> route(module, Method.POST, "/dossiers").handle(request(module, initiative,
                professional, sql).form("residentUserId", "40").form("meldingDate", "2026-11-02").form("reportedBy", "INWONER")
                .form("channel", "TELEFOON").form("requestText", "Hulp").form("consentProcessing", "true")
                .form("professionalUserId", "" + FakeDirectory.PROFESSIONAL).build()));
        assertEquals(303, created.status());
        long id = db.inInitiative(a, sql -> files.ofResident(sql, 40)).get(0).id();
        db.inInitiative(a, sql -> route(module, Method.POST, "/dossiers/{id}/positieve-gezondheid").handle(withScores(request(
                module, initiative, professional, sql).pathParam("id", id).form("measuredOn", "2026-11-20"))));
        String page = db.inInitiative(a, sql -> route(module, Method.GET, "/dossiers/{id}").handle(request(module, initiative,
                Harness.actor(40, Role.RESIDENT), sql).pathParam("id", id).build()).body().toString());
        assertTrue(page.contains("role=\"img\""), page);
        byte[] pdf = (byte[]) db.inInitiative(a, sql -> route(module, Method.GET, "/dossiers/{id}/verslag.pdf").handle(request(
                module, initiative, professional, sql).pathParam("id", id).build()).body());
        assertTrue(IntakeFlowTest.pdfText(pdf).contains("Positieve Gezondheid"));
    }

    private static FakeWebRequest withScores(FakeWebRequest.Builder r) {
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            r.form(d.key(), "5");
        }
        return r.build();
    }

    private static FakeWebRequest.Builder request(WmoIntakeModule module, Initiative initiative, Actor actor, Sql sql) {
        return FakeWebRequest.get("/").initiative(initiative).actor(actor).module(module).sql(sql);
    }

    private static nl.samenredzaam.api.web.Handler route(WmoIntakeModule module, Method method, String path) {
        return module.routes().stream().filter(r -> r.kind() == nl.samenredzaam.api.web.Route.Kind.PAGE && r.method() == method
                && r.path().equals(path)).findFirst().orElseThrow().handler();
    }

    private static PositiveHealthScores ph(LocalDate on, int score, Set<PositiveHealthDimension> talk) {
        Map<PositiveHealthDimension, Integer> m = new EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            m.put(d, score);
        }
        return new PositiveHealthScores(on, m, talk);
    }
}
