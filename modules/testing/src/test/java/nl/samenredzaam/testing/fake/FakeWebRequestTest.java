package nl.samenredzaam.testing.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;

class FakeWebRequestTest {

    private static InMemoryDatabase db;
    private static Initiative a;
    private static Initiative b;
    private final TinyModule module = new TinyModule();
    private final FakeActor coordinator = FakeActor.of(7, "Carla", Role.COORDINATOR).withDefaultPermissionsOf(module);
    private final FakeActor resident = FakeActor.of(8, "Ria", Role.RESIDENT).withDefaultPermissionsOf(module);

    @BeforeAll
    static void open() {
        db = InMemoryDatabase.forModule("fakemodule");
        a = db.newInitiative();
        b = db.newInitiative();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private FakeWebRequest.Builder post(Initiative initiative, String json) {
        return FakeWebRequest.post("/items").initiative(initiative).module(module).database(db).actor(coordinator).json(json);
    }

    @Test
    void createdIsCommittedAndSeenOnlyInItsInitiative() {
        TestResponse created = post(a, "{\"title\":\"Snoeiavond\"}").call(TinyModule::create).expectStatus(201);
        long id = created.json().get("id").asLong();
        assertEquals("/" + a.slug() + "/items/" + id, created.location());
        assertEquals("Snoeiavond", created.json(TinyModule.Item.class).title());

        TestResponse inA = FakeWebRequest.get("/items").initiative(a).database(db).call(TinyModule::list);
        assertTrue(inA.json().findValuesAsText("title").contains("Snoeiavond"));
        TestResponse inB = FakeWebRequest.get("/items").initiative(b).database(db).call(TinyModule::list);
        assertEquals(0, inB.json().size(), "initiative B sees nothing of A");
        assertEquals(404, FakeWebRequest.get("/items/" + id).initiative(b).database(db).module(module)
                .pathParam("id", id).call(TinyModule::show).status());
    }

    @Test
    void aProblemRollsTheTransactionBack() {
        Initiative c = db.newInitiative();
        TestResponse answer = post(c, "{\"title\":\"fail after insert\"}").call(TinyModule::create);
        assertEquals(409, answer.status());
        assertTrue(answer.isProblem());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(0, db.transaction(c.id(), sql -> sql.list("select id from testingdb_item where initiative_id = :initiative",
                r -> r.getLong(1))).size());
    }

    @Test
    void badJsonIsA400NamingTheFieldAsOnThePlatform() {
        TestResponse unknown = post(a, "{\"title\":\"x\",\"colour\":\"red\"}").call(TinyModule::create).expectStatus(400);
        assertEquals(Map.of("colour", "Onbekend veld / unknown field"), unknown.fieldErrors());
        TestResponse wrongType = post(a, "{\"title\":[1]}").call(TinyModule::create).expectStatus(400);
        assertTrue(wrongType.fieldErrors().containsKey("title"), wrongType.toString());
        assertEquals(400, post(a, "{not json").call(TinyModule::create).status());
        assertEquals(400, post(a, "").call(TinyModule::create).status());
    }

    @Test
    void anotherBodyReaderReadsTheBody() {
        List<Class<?>> asked = new java.util.ArrayList<>();
        FakeWebRequest.BodyReader strictTitles = new FakeWebRequest.BodyReader() {
            @Override
            public <T> T read(byte[] body, Class<T> type) {
                asked.add(type);
                if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("Koffie")) {
                    throw ProblemException.invalidField("title", "geen koffie");
                }
                return TestJson.read(body, type);
            }
        };
        FakeWebRequest.Builder builder = post(a, "{\"title\":\"Koffie\"}").bodyReader(strictTitles);
        TestResponse refused = builder.call(TinyModule::create).expectStatus(400);
        assertEquals(Map.of("title", "geen koffie"), refused.fieldErrors());
        assertEquals(List.of(TinyModule.Input.class), asked);
        assertEquals(201, builder.json("{\"title\":\"Thee\"}").call(TinyModule::create).status(), "the reader's own answer is used");
        assertEquals(201, post(a, "{\"title\":\"Koffie\"}").call(TinyModule::create).status(), "the default reads it");
    }

    @Test
    void aFormFieldCanBeLeftOutOrReplaced() {
        FakeWebRequest.Builder filledIn = FakeWebRequest.post("/form").form("name", "Ria").form("day", "ma").form("day", "di");
        FakeWebRequest request = filledIn.withoutForm("day").build();
        assertEquals(List.of(), request.formValues("day"));
        assertEquals("Ria", request.form("name").orElseThrow());
        assertEquals(java.util.Optional.of("Gerrit"), filledIn.withoutForm("name").form("name", "Gerrit").build().form("name"));
        assertEquals(List.of(), filledIn.withoutForm("not there").build().formValues("not there"));
    }

    @Test
    void messagesFollowTheLanguage() {
        TestResponse nl = post(a, "{\"title\":\" \"}").call(TinyModule::create);
        assertEquals("Hallo ?", nl.fieldErrors().get("title"));
        TestResponse en = post(a, "{\"title\":\" \"}").english().call(TinyModule::create);
        assertEquals("Hello ?", en.fieldErrors().get("title"));
    }

    @Test
    void permissionsComeFromTheActor() {
        assertEquals(403, post(a, "{\"title\":\"x\"}").actor(resident).call(TinyModule::create).status());
        assertEquals(403, post(a, "{\"title\":\"x\"}").actor(null).call(TinyModule::create).status());
        FakeWebRequest anonymous = FakeWebRequest.get("/").build();
        assertTrue(anonymous.isAllowed("public"));
        assertFalse(anonymous.isAllowed("member"));
        assertEquals(401, assertThrows(ProblemException.class, anonymous::requireActor).status());
        FakeWebRequest asResident = FakeWebRequest.get("/").actor(resident).build();
        assertTrue(asResident.isAllowed("member"));
        assertTrue(asResident.isAllowed(TinyModule.READ));
        assertFalse(asResident.isAllowed(TinyModule.WRITE));
    }

    @Test
    void pagesAreAuditedAndEscaped() {
        RecordingAudit audit = new RecordingAudit(MutableClock.at("2026-03-02T09:00:00Z"));
        long id = post(a, "{\"title\":\"<b>Koffie</b>\"}").call(TinyModule::create).json().get("id").asLong();
        FakeWebRequest request = FakeWebRequest.get("/items/" + id).initiative(a).database(db).module(module)
                .actor(coordinator).audit(audit).pathParam("id", id).build();
        TestResponse page = request.call(TinyModule::show).expectStatus(200);
        assertEquals(WebResponse.Type.PAGE, page.type());
        assertEquals("Hallo <b>Koffie</b>", page.title());
        assertEquals("&lt;b&gt;Koffie&lt;/b&gt;", page.html());
        assertEquals(List.of(AuditEvent.Action.READ), request.audited().stream().map(AuditEvent::action).toList());
        assertEquals(1, audit.entries().size());
        assertEquals(7L, audit.entries().get(0).actorUserId());
        assertEquals(a.id(), audit.entries().get(0).initiativeId());
    }

    @Test
    void pathIdThatIsNoNumberIsA404() {
        assertEquals(404, FakeWebRequest.get("/items/abc").pathParam("id", "abc").database(db).initiative(a)
                .call(TinyModule::show).status());
        assertEquals(404, FakeWebRequest.get("/items/0").pathParam("id", 0).database(db).initiative(a)
                .call(TinyModule::show).status());
        assertThrows(IllegalArgumentException.class, () -> FakeWebRequest.get("/").build().pathParam("id"));
    }

    @Test
    void formQueryHeadersSettingsAndCsrf() {
        TestResponse answer = FakeWebRequest.post("/form").module(module).actor(resident)
                .form("name", "  Jan  ").form("day", "ma").form("day", "wo").query("q", "zoek").header("X-Test", "ja")
                .call(TinyModule::form).expectStatus(200);
        assertEquals("Jan|ma,wo|zoek|20|" + FakeWebRequest.CSRF_TOKEN + "|ja", answer.text());
        TestResponse set = FakeWebRequest.post("/form").module(module).form("name", "   ").setting("page-size", "5")
                .call(TinyModule::form);
        assertEquals("(none)||" + "|5||", set.text());
        assertThrows(IllegalArgumentException.class, () -> FakeWebRequest.get("/").module(module).build().setting("nope"));
    }

    @Test
    void linksAndDefaults() {
        FakeWebRequest req = FakeWebRequest.get("/").build();
        assertEquals(FakeWebRequest.DEFAULT_INITIATIVE, req.initiative());
        assertEquals("/lindeholt/buurtnieuws", req.link("buurtnieuws"));
        assertEquals("https://samenredzaam.test/lindeholt/x", req.absoluteUrl("/x"));
        assertEquals("nl", req.locale().getLanguage());
        assertEquals("GET", req.method());
        IllegalStateException noDb = assertThrows(IllegalStateException.class, req::sql);
        assertTrue(noDb.getMessage().contains("database("));
        assertThrows(IllegalStateException.class, req::messages);
    }

    @Test
    void aGivenSqlIsUsedAsIsAndMustMatchTheInitiative() {
        db.transaction(a.id(), sql -> {
            TestResponse listed = FakeWebRequest.get("/items").initiative(a).sql(sql).call(TinyModule::list);
            assertEquals(200, listed.status());
            assertThrows(IllegalStateException.class, () -> FakeWebRequest.get("/items").initiative(b).sql(sql).build());
            return null;
        });
    }

    @Test
    void redirectsAndExpectStatusFailures() {
        TestResponse redirect = FakeWebRequest.post("/").call(req -> WebResponse.redirect(req.link("/klaar")));
        assertEquals(303, redirect.status());
        assertEquals("/lindeholt/klaar", redirect.location());
        AssertionError wrong = assertThrows(AssertionError.class, () -> redirect.expectStatus(200));
        assertTrue(wrong.getMessage().contains("/lindeholt/klaar"), wrong.getMessage());
        assertThrows(AssertionError.class, redirect::json);
    }
}
