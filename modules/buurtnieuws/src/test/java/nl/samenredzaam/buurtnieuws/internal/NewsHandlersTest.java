package nl.samenredzaam.buurtnieuws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Handler;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.InMemoryDatabase;
import nl.samenredzaam.testing.fake.MutableClock;
import nl.samenredzaam.testing.fake.TestResponse;

/**
 * The pages and the API through the module's own route table, with the fakes of
 * {@code nl.samenredzaam.testing.fake}: a request per call, the module's changelog on an in-memory
 * database, a clock the test sets. No platform runs.
 */
class NewsHandlersTest {

    private static InMemoryDatabase db;
    private static Initiative lindeholt;
    private static Initiative anders;

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final BuurtnieuwsModule module = new BuurtnieuwsModule(clock);
    private final FakeActor coordinator = FakeActor.of(11, "Carla de Vries", Role.COORDINATOR).withDefaultPermissionsOf(module);

    @BeforeAll
    static void database() {
        db = InMemoryDatabase.forModule(BuurtnieuwsModule.ID);
        lindeholt = db.newInitiative();
        anders = db.newInitiative();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The handler the module routes {@code method path} to, so that the test also covers the route table. */
    private Handler route(Route.Method method, String path) {
        return module.routes().stream().filter(r -> r.method() == method && r.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no route " + method + " " + path)).handler();
    }

    private FakeWebRequest.Builder request(FakeWebRequest.Builder builder, Initiative initiative) {
        return builder.initiative(initiative).module(module).database(db);
    }

    @Test
    void aPostedMessageIsShownWithTheTimeOfTheClockAndOnlyInItsInitiative() {
        Initiative mine = db.newInitiative();
        TestResponse posted = request(FakeWebRequest.post("/buurtnieuws"), mine).actor(coordinator)
                .form("title", "Snoeiavond").form("body", "Zaterdag om tien uur bij de kerk.")
                .call(route(Route.Method.POST, ""));
        assertEquals(303, posted.status());
        assertEquals("/" + mine.slug() + "/buurtnieuws", posted.location());

        TestResponse list = request(FakeWebRequest.get("/buurtnieuws"), mine).call(route(Route.Method.GET, "")).expectStatus(200);
        assertEquals("Buurtnieuws", list.title());
        assertTrue(list.html().contains("Snoeiavond"), list.html());
        assertTrue(list.html().contains("2 maart 2026"), list.html());

        TestResponse elsewhere = request(FakeWebRequest.get("/buurtnieuws"), anders).call(route(Route.Method.GET, ""));
        assertFalse(elsewhere.html().contains("Snoeiavond"), "another initiative never sees the message");
    }

    @Test
    void aFormWithMistakesShowsDutchErrorsNextToTheFieldsAndKeepsTheInput() {
        TestResponse answer = request(FakeWebRequest.post("/buurtnieuws"), lindeholt).actor(coordinator)
                .form("title", "").form("body", "Mijn tekst blijft staan")
                .call(route(Route.Method.POST, ""));
        assertEquals(400, answer.status());
        assertTrue(answer.html().contains("id=\"title-error\">Vul een titel in."), answer.html());
        assertTrue(answer.html().contains("Mijn tekst blijft staan"), "nothing typed is lost");
        assertTrue(answer.html().contains("aria-invalid=\"true\""));
        assertTrue(answer.html().contains(FakeWebRequest.CSRF_TOKEN), "the form carries the CSRF token");
    }

    @Test
    void theFormSpeaksEnglishWhenAsked() {
        TestResponse answer = request(FakeWebRequest.post("/buurtnieuws"), lindeholt).actor(coordinator).english()
                .form("title", "Fine").call(route(Route.Method.POST, ""));
        assertEquals(400, answer.status());
        assertEquals("New message", answer.title());
    }

    @Test
    void theApiCreatesReadsChangesAndDeletes() {
        Initiative mine = db.newInitiative();
        TestResponse created = request(FakeWebRequest.post("/items"), mine).actor(coordinator)
                .json("{\"title\":\"Repair café\",\"body\":\"Elke eerste zaterdag.\"}")
                .call(route(Route.Method.POST, "/items")).expectStatus(201);
        long id = created.json().get("id").asLong();
        assertEquals("/api/v1/" + mine.slug() + "/buurtnieuws/items/" + id, created.location());
        assertEquals("Carla de Vries", created.json().get("authorName").asText());
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), created.json(NewsItem.class).publishedAt());

        assertEquals("Repair café", request(FakeWebRequest.get("/items/" + id), mine).pathParam("id", id)
                .call(route(Route.Method.GET, "/items/{id}")).json().get("title").asText());
        request(FakeWebRequest.put("/items/" + id), mine).actor(coordinator).pathParam("id", id)
                .json("{\"title\":\"Repair café (nieuw)\",\"body\":\"Elke eerste zaterdag.\"}")
                .call(route(Route.Method.PUT, "/items/{id}")).expectStatus(200);
        request(FakeWebRequest.delete("/items/" + id), mine).actor(coordinator).pathParam("id", id)
                .call(route(Route.Method.DELETE, "/items/{id}")).expectStatus(204);
        request(FakeWebRequest.get("/items/" + id), mine).pathParam("id", id)
                .call(route(Route.Method.GET, "/items/{id}")).expectStatus(404);
    }

    @Test
    void anotherInitiativeCannotReadChangeOrDeleteAMessage() {
        long id = request(FakeWebRequest.post("/items"), lindeholt).actor(coordinator)
                .json("{\"title\":\"Alleen Lindeholt\",\"body\":\"...\"}")
                .call(route(Route.Method.POST, "/items")).expectStatus(201).json().get("id").asLong();
        FakeActor otherCoordinator = FakeActor.of(99, "Andere coördinator", Role.COORDINATOR).withDefaultPermissionsOf(module);
        request(FakeWebRequest.get("/items/" + id), anders).pathParam("id", id)
                .call(route(Route.Method.GET, "/items/{id}")).expectStatus(404);
        request(FakeWebRequest.put("/items/" + id), anders).actor(otherCoordinator).pathParam("id", id)
                .json("{\"title\":\"Overschreven\",\"body\":\"...\"}")
                .call(route(Route.Method.PUT, "/items/{id}")).expectStatus(404);
        request(FakeWebRequest.delete("/items/" + id), anders).actor(otherCoordinator).pathParam("id", id)
                .call(route(Route.Method.DELETE, "/items/{id}")).expectStatus(404);
        List<String> titles = request(FakeWebRequest.get("/items"), lindeholt).call(route(Route.Method.GET, "/items"))
                .json().findValuesAsText("title");
        assertTrue(titles.contains("Alleen Lindeholt"), titles.toString());
    }

    @Test
    void badJsonIsA400NamingTheField() {
        TestResponse unknown = request(FakeWebRequest.post("/items"), lindeholt).actor(coordinator)
                .json("{\"title\":\"x\",\"body\":\"y\",\"pinned\":true}").call(route(Route.Method.POST, "/items"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.fieldErrors().containsKey("pinned"), unknown.toString());

        TestResponse missing = request(FakeWebRequest.post("/items"), lindeholt).actor(coordinator)
                .json("{\"title\":\"\",\"body\":\"y\"}").call(route(Route.Method.POST, "/items"));
        assertEquals(400, missing.status());
        assertEquals("Vul een titel in.", missing.fieldErrors().get("title"));
    }

    @Test
    void thePageSizeSettingLimitsTheList() {
        Initiative mine = db.newInitiative();
        for (int i = 1; i <= 3; i++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            request(FakeWebRequest.post("/items"), mine).actor(coordinator)
                    .json("{\"title\":\"Bericht " + i + "\",\"body\":\"...\"}").call(route(Route.Method.POST, "/items")).expectStatus(201);
        }
        String html = request(FakeWebRequest.get("/buurtnieuws"), mine).setting("page-size", "2")
                .call(route(Route.Method.GET, "")).html();
        assertTrue(html.contains("Bericht 3") && html.contains("Bericht 2"), html);
        assertFalse(html.contains("Bericht 1"), "only the two newest");
    }

    @Test
    void thePlatformsChecksBeforeTheHandlerAsDispatchDoesThem() {
        FakeActor resident = FakeActor.of(12, "Ria Jansen", Role.RESIDENT).withDefaultPermissionsOf(module);
        assertEquals(403, request(FakeWebRequest.post("/items"), lindeholt).actor(resident).apiToken()
                .json("{\"title\":\"x\",\"body\":\"y\"}").dispatch(Route.Kind.API).status(), "a resident may not post");
        assertEquals(401, request(FakeWebRequest.post("/items"), lindeholt)
                .json("{\"title\":\"x\",\"body\":\"y\"}").dispatch(Route.Kind.API).status(), "nobody signed in");
        assertEquals("/login?returnTo=%2F" + lindeholt.slug() + "%2Fbuurtnieuws%2Fnieuw",
                request(FakeWebRequest.get("/nieuw"), lindeholt).dispatch(Route.Kind.PAGE).location(), "the form asks to sign in first");
        assertEquals(403, request(FakeWebRequest.post(""), lindeholt).actor(coordinator).form("title", "x").form("body", "y")
                .dispatch(Route.Kind.PAGE).status(), "a form without the CSRF token");
        assertEquals(303, request(FakeWebRequest.post(""), lindeholt).actor(coordinator).form("_csrf", FakeWebRequest.CSRF_TOKEN)
                .form("title", "Met token").form("body", "y").dispatch(Route.Kind.PAGE).status());
        assertEquals(200, request(FakeWebRequest.get(""), lindeholt).dispatch(Route.Kind.PAGE).status(), "the list is public");
    }
}
