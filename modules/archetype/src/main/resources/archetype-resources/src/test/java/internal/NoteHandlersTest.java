package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.web.Handler;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.InMemoryDatabase;
import nl.samenredzaam.testing.fake.MutableClock;
import nl.samenredzaam.testing.fake.TestResponse;

/**
 * The page, the API and the privacy contract without a platform, with the fakes of
 * nl.samenredzaam.testing.fake: FakeWebRequest runs a handler in a transaction of its initiative
 * on an in-memory database that ran this module's changelog, and TestResponse is its answer.
 */
class NoteHandlersTest {

    static InMemoryDatabase db;
    static Initiative ours;
    static Initiative theirs;

    final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    final NoteModule module = new NoteModule();
    final NoteRepository repository = new NoteRepository();

    @BeforeAll
    static void database() {
        db = InMemoryDatabase.forModule(NoteModule.ID);
        ours = db.newInitiative();
        theirs = db.newInitiative();
        NoteRepository repository = new NoteRepository();
        db.transaction(ours.id(), sql -> repository.create(sql, "Koffie om tien uur", 5L, "Ria", MutableClock.at("2026-03-01T10:00:00Z").instant()));
        db.transaction(theirs.id(), sql -> repository.create(sql, "Alleen voor de buren", 6L, "Jan", MutableClock.at("2026-03-01T10:00:00Z").instant()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The handler the module routes a request to: the test covers the route table too. */
    Handler route(Route.Method method, String path) {
        return module.routes().stream().filter(r -> r.method() == method && r.path().equals(path))
                .findFirst().orElseThrow().handler();
    }

    @Test
    void thePageShowsTheNotesOfThisInitiativeOnly() {
        TestResponse page = FakeWebRequest.get("/" + NoteModule.ID).initiative(ours).module(module).database(db)
                .call(route(Route.Method.GET, "")).expectStatus(200);
        assertEquals("Notities", page.title());
        assertTrue(page.html().contains("Koffie om tien uur"), page.html());
        assertFalse(page.html().contains("Alleen voor de buren"), "another initiative's note never shows");
    }

    @Test
    void thePageSpeaksEnglish() {
        TestResponse page = FakeWebRequest.get("/" + NoteModule.ID).initiative(theirs).module(module).database(db).english()
                .call(route(Route.Method.GET, ""));
        assertEquals("Notes", page.title());
    }

    @Test
    void theApiAnswersJsonForThisInitiative() {
        TestResponse answer = FakeWebRequest.get("/notes").initiative(ours).module(module).database(db)
                .call(route(Route.Method.GET, "/notes")).expectStatus(200);
        assertEquals(List.of("Koffie om tien uur"), answer.json().findValuesAsText("text"));
    }

    @Test
    void privacyExportsAndAnonymisesOnlyThePersonInThisInitiative() {
        Initiative fresh = db.newInitiative();
        db.transaction(fresh.id(), sql -> repository.create(sql, "Van Ria", 5L, "Ria", clock.instant()));
        NotePrivacy privacy = new NotePrivacy();
        Person ria = new Person(5L, "Ria", null, null, null);
        Map<String, Object> export = db.transaction(fresh.id(), sql -> privacy.export(sql, ria));
        assertEquals(1, ((List<?>) export.get("notes")).size());
        assertEquals(1, db.transaction(fresh.id(), sql -> privacy.erase(sql, ria)).anonymised());
        assertEquals(List.of(), db.transaction(fresh.id(), sql -> repository.byAuthor(sql, 5)));
        assertEquals(1, db.transaction(ours.id(), sql -> repository.byAuthor(sql, 5)).size(), "other initiatives are untouched");
    }

    @Test
    void theApiNeedsThePermissionAsThePlatformChecksIt() {
        // dispatch(...) finds the route by method and path and checks its permission first, as the platform does
        FakeActor coordinator = FakeActor.of(1, "Carla", Role.COORDINATOR).withDefaultPermissionsOf(module);
        FakeActor resident = FakeActor.of(2, "Ria", Role.RESIDENT).withDefaultPermissionsOf(module);
        assertEquals(401, FakeWebRequest.get("/notes").initiative(ours).module(module).database(db).dispatch(Route.Kind.API).status());
        assertEquals(403, FakeWebRequest.get("/notes").initiative(ours).module(module).database(db).actor(resident)
                .dispatch(Route.Kind.API).status());
        assertEquals(200, FakeWebRequest.get("/notes").initiative(ours).module(module).database(db).actor(coordinator)
                .dispatch(Route.Kind.API).status());
        assertEquals(200, FakeWebRequest.get("").initiative(ours).module(module).database(db)
                .dispatch(Route.Kind.PAGE).status(), "the page is public");
    }
}
