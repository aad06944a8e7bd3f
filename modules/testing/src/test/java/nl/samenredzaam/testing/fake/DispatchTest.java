package nl.samenredzaam.testing.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route;

/** {@link FakeWebRequest#dispatch}: the platform's checks before a handler, on {@link TinyModule}'s routes. */
class DispatchTest {

    private static InMemoryDatabase db;
    private static Initiative a;
    private final TinyModule module = new TinyModule();
    private final FakeActor coordinator = FakeActor.of(7, "Carla", Role.COORDINATOR).withDefaultPermissionsOf(module);
    private final FakeActor resident = FakeActor.of(8, "Ria", Role.RESIDENT).withDefaultPermissionsOf(module);

    @BeforeAll
    static void open() {
        db = InMemoryDatabase.forModule("fakemodule");
        a = db.createInitiative("dorp-a", "Dorp A");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private FakeWebRequest.Builder api(FakeWebRequest.Builder b) {
        return b.initiative(a).module(module).database(db);
    }

    @Test
    void theRoutesPermissionDecides() {
        assertEquals(401, api(FakeWebRequest.get("/items")).dispatch(Route.Kind.API).status());
        assertEquals(200, api(FakeWebRequest.get("/items")).actor(resident).dispatch(Route.Kind.API).status());
        assertEquals(403, api(FakeWebRequest.post("/items")).actor(resident).apiToken().json("{\"title\":\"x\"}")
                .dispatch(Route.Kind.API).status());
        assertEquals(201, api(FakeWebRequest.post("/items")).actor(coordinator).apiToken().json("{\"title\":\"x\"}")
                .dispatch(Route.Kind.API).status());
    }

    @Test
    void aChangeInASessionNeedsTheCsrfToken() {
        TestResponse without = api(FakeWebRequest.post("/items")).actor(coordinator).json("{\"title\":\"x\"}").dispatch(Route.Kind.API);
        assertEquals(403, without.status());
        assertTrue(without.problem().orElseThrow().detail().contains("formulier"), without.toString());
        assertEquals(201, api(FakeWebRequest.post("/items")).actor(coordinator).csrf().json("{\"title\":\"x\"}")
                .dispatch(Route.Kind.API).status());
        assertEquals(200, api(FakeWebRequest.post("/form")).actor(resident).form("_csrf", FakeWebRequest.CSRF_TOKEN)
                .form("name", "Jan").dispatch(Route.Kind.PAGE).status());
        assertEquals(403, api(FakeWebRequest.post("/form")).actor(resident).form("_csrf", "wrong")
                .dispatch(Route.Kind.PAGE).status());
    }

    @Test
    void aPageForNobodyRedirectsToTheLoginPage() {
        TestResponse answer = api(FakeWebRequest.get("/items/5")).dispatch(Route.Kind.PAGE);
        assertEquals(303, answer.status());
        assertEquals("/login?returnTo=%2Fdorp-a%2Ffakemodule%2Fitems%2F5", answer.location());
        assertEquals(401, api(FakeWebRequest.post("/form")).dispatch(Route.Kind.PAGE).status(), "a change by nobody");
        assertEquals(403, api(FakeWebRequest.post("/form")).actor(FakeActor.of(9, "Gast")).csrf()
                .dispatch(Route.Kind.PAGE).status(), "member means: has a role");
    }

    @Test
    void pathParametersComeFromTheRoute() {
        long id = api(FakeWebRequest.post("/items")).actor(coordinator).apiToken().json("{\"title\":\"Markt\"}")
                .dispatch(Route.Kind.API).json().get("id").asLong();
        TestResponse page = api(FakeWebRequest.get("/items/" + id)).actor(resident).dispatch(Route.Kind.PAGE).expectStatus(200);
        assertEquals("Markt", page.html());
        assertEquals(404, api(FakeWebRequest.get("/items/abc")).actor(resident).dispatch(Route.Kind.PAGE).status());
    }

    @Test
    void noRouteIs404AndAnotherMethodIs405WithAllow() {
        assertEquals(404, api(FakeWebRequest.get("/nothing")).actor(coordinator).dispatch(Route.Kind.API).status());
        assertEquals(404, api(FakeWebRequest.get("/items")).actor(coordinator).dispatch(Route.Kind.PAGE).status(), "API routes are not pages");
        TestResponse wrong = api(FakeWebRequest.delete("/items")).actor(coordinator).dispatch(Route.Kind.API);
        assertEquals(405, wrong.status());
        assertEquals("GET, POST", wrong.header("Allow").orElseThrow());
    }

    @Test
    void dispatchNeedsTheModule() {
        assertThrows(IllegalStateException.class, () -> FakeWebRequest.get("/items").dispatch(Route.Kind.API));
    }
}
