package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;

/** Who sees a file, for every role; what is audited; initiatives never mix. */
class FileAccessTest {

    private Harness h;
    private long file;
    private final FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);
    private final FakeActor otherProfessional = Harness.actor(PROFESSIONAL2, Role.PROFESSIONAL);
    private final FakeActor coordinator = Harness.actor(COORDINATOR, Role.COORDINATOR);
    private final FakeActor otherCoordinator = Harness.actor(COORDINATOR2, Role.COORDINATOR);
    private final FakeActor resident = Harness.actor(RESIDENT, Role.RESIDENT);
    private final FakeActor otherResident = Harness.actor(RESIDENT2, Role.RESIDENT);
    private final FakeActor volunteer = Harness.actor(VOLUNTEER, Role.VOLUNTEER);
    private final FakeActor admin = Harness.actor(ADMIN, Role.ADMIN);
    private final FakeActor referrer = Harness.actor(REFERRER, Role.REFERRER);

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness();
        file = h.melding(professional, RESIDENT, "");
        h.audit.clear();
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private WebResponse show(FakeActor actor) throws Exception {
        return h.page(actor, Method.GET, "/dossiers/{id}", r -> r.pathParam("id", file));
    }

    private int status(FakeActor actor) {
        try {
            return show(actor).status();
        } catch (ProblemException e) {
            return e.status();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void assignedProfessionalCoordinatorAndTheResidentSeeTheFile() {
        assertEquals(200, status(professional));
        assertEquals(200, status(coordinator));
        assertEquals(200, status(resident));
    }

    @Test
    void everybodyElseGetsNotFound() {
        for (FakeActor other : List.of(otherProfessional, otherCoordinator, otherResident, volunteer, admin, referrer)) {
            assertEquals(404, status(other), "user " + other.userId());
        }
    }

    @Test
    void theAssignedClientSupporterSeesTheFileButCannotChangeIt() throws Exception {
        h.page(professional, Method.POST, "/dossiers/{id}/stap/{step}", r -> r.pathParam("id", file).pathParam("step", "toewijzing")
                .form("professionalUserId", "" + PROFESSIONAL).form("coachUserId", "" + VOLUNTEER)
                .form("coordinatorUserId", "" + COORDINATOR));
        assertEquals(200, status(volunteer));
        // the route itself needs the work permission: a volunteer gets 403 before the file is looked at
        ProblemException e = assertThrows(ProblemException.class, () -> h.page(volunteer, Method.POST, "/dossiers/{id}/afspraak",
                r -> r.pathParam("id", file).form("linkText", "x")));
        assertEquals(403, e.status());
    }

    @Test
    void aProfessionalWhoIsNotAssignedCannotChangeTheFile() {
        ProblemException e = assertThrows(ProblemException.class, () -> h.page(otherProfessional, Method.POST,
                "/dossiers/{id}/afspraak", r -> r.pathParam("id", file).form("linkText", "x")));
        assertEquals(404, e.status());
        AuditEvent last = h.audit.events().get(h.audit.events().size() - 1);
        assertEquals(Action.UPDATE, last.action());
        assertEquals(false, last.success());
    }

    @Test
    void theResidentCannotChangeTheirFile() {
        ProblemException e = assertThrows(ProblemException.class, () -> h.page(resident, Method.GET, "/dossiers/{id}/gesprek",
                r -> r.pathParam("id", file)));
        assertEquals(403, e.status());
    }

    @Test
    void everyReadIsAuditedWithTheClientAndRefusalsToo() {
        status(professional);
        status(otherProfessional);
        assertEquals(2, h.audit.events().size());
        AuditEvent ok = h.audit.events().get(0);
        assertEquals(Action.READ, ok.action());
        assertEquals(IntakeService.RECORD_TYPE, ok.recordType());
        assertEquals(Long.toString(file), ok.recordId());
        assertEquals(RESIDENT, ok.clientId());
        assertEquals("care", ok.purpose());
        assertTrue(ok.success());
        assertEquals(false, h.audit.events().get(1).success());
    }

    @Test
    void showingAFormIsARead() throws Exception {
        h.page(professional, Method.GET, "/dossiers/{id}/gesprek", r -> r.pathParam("id", file));
        h.page(professional, Method.POST, "/dossiers/{id}/gesprek", r -> r.pathParam("id", file).form("vraag", "x"));
        assertEquals(List.of(Action.READ, Action.UPDATE), h.audit.events().stream().map(AuditEvent::action).toList());
    }

    @Test
    void printAndExportAreAuditedAsSuch() throws Exception {
        h.page(professional, Method.POST, "/dossiers/{id}/gesprek", r -> r.pathParam("id", file).form("vraag", "Hulp in huis"));
        h.audit.clear();
        h.page(resident, Method.GET, "/dossiers/{id}/verslag.pdf", r -> r.pathParam("id", file));
        h.page(resident, Method.GET, "/dossiers/{id}/export.json", r -> r.pathParam("id", file));
        assertEquals(List.of(Action.PRINT, Action.EXPORT), h.audit.events().stream().map(AuditEvent::action).toList());
        assertEquals("own-file", h.audit.events().get(0).purpose());
    }

    @Test
    void aFileWithoutAccountIsAuditedWithANonIdentifyingReference() throws Exception {
        long noAccount = h.melding(professional, 0, "Jan Zonder Account");
        h.audit.clear();
        h.page(professional, Method.GET, "/dossiers/{id}", r -> r.pathParam("id", noAccount));
        AuditEvent e = h.audit.events().get(0);
        assertEquals(null, e.clientId());
        assertEquals("wmo-intake.file:" + noAccount, e.clientRef());
    }

    @Test
    void theQueueListsOnlyOwnFilesAndIsAuditedAsASearch() throws Exception {
        String mine = Harness.html(h.page(professional, Method.GET, "", r -> { }));
        assertTrue(mine.contains("/dossiers/" + file), mine);
        String other = Harness.html(h.page(otherProfessional, Method.GET, "", r -> { }));
        assertTrue(!other.contains("/dossiers/" + file), other);
        assertTrue(h.audit.events().stream().anyMatch(a -> a.action() == Action.SEARCH));
    }

    @Test
    void residentsVolunteersAdminsAndReferrersHaveNoQueue() {
        for (FakeActor other : List.of(resident, volunteer, admin, referrer)) {
            ProblemException e = assertThrows(ProblemException.class, () -> h.page(other, Method.GET, "", r -> { }));
            assertEquals(403, e.status());
        }
    }

    @Test
    void anotherInitiativeNeverSeesTheFile() throws Exception {
        // the same user ids, in another initiative: the file id does not exist there
        ProblemException e = assertThrows(ProblemException.class, () -> h.call(Harness.ELDERS, professional, Route.Kind.PAGE,
                Method.GET, "/dossiers/{id}", r -> r.pathParam("id", file)));
        assertEquals(404, e.status());
        String queue = Harness.html(h.call(Harness.ELDERS, professional, Route.Kind.PAGE, Method.GET, "", r -> { }));
        assertTrue(!queue.contains("/dossiers/" + file));
        ProblemException api = assertThrows(ProblemException.class, () -> h.call(Harness.ELDERS, resident, Route.Kind.API,
                Method.GET, "/files/{id}", r -> r.pathParam("id", file)));
        assertEquals(404, api.status());
    }

    @Test
    void theResidentsOwnListShowsOnlyTheirFiles() throws Exception {
        assertTrue(Harness.html(h.page(resident, Method.GET, "/mijn", r -> { })).contains("/dossiers/" + file));
        assertTrue(!Harness.html(h.page(otherResident, Method.GET, "/mijn", r -> { })).contains("/dossiers/" + file));
    }
}
