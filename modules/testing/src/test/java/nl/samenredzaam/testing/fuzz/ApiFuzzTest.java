package nl.samenredzaam.testing.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.TestJson;
import nl.samenredzaam.testing.fake.TinyModule;

class ApiFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneOffset.UTC);
    static final List<String> SEEN = new ArrayList<>();

    /** The small module of the fakes' tests, with one more body route that misbehaves on purpose for some titles. */
    static final class FuzzModule extends TinyModule {

        @Override
        public List<Route> routes() {
            List<Route> routes = new ArrayList<>(super.routes());
            routes.add(Route.api(Method.PUT, "/items/{id}/{step}", WRITE, FuzzModule::save));
            return routes;
        }

        static WebResponse save(WebRequest req) {
            Input input = req.body(Input.class);
            SEEN.add(req.pathId("id") + "/" + req.pathParam("step") + "/" + req.requireActor().userId());
            long id = req.sql().insert("insert into testingdb_item (initiative_id, title) values (:initiative, :title)",
                    "title", String.valueOf(input.title()));
            return switch (String.valueOf(input.title())) {
                case "boom" -> throw new IllegalStateException("a bug");
                case "busy" -> throw new ProblemException(503, "busy");
                case "taken" -> throw ProblemException.conflict("taken");
                default -> WebResponse.json(id);
            };
        }
    }

    /** One row that says which account ids and clock the demo data got. */
    static final class FuzzDemo implements DemoDataContributor {

        @Override
        public String moduleId() {
            return "fuzzmodule";
        }

        @Override
        public void populate(Sql sql, DemoContext demo) {
            sql.insert("insert into testingdb_item (initiative_id, title) values (:initiative, :title)",
                    "title", "demo of " + demo.userId("coordinator") + ".." + demo.userId("beheerder") + " at " + demo.clock().instant());
        }
    }

    static final ApiFuzz FUZZ = new ApiFuzz(new FuzzModule(), "db/testingdb/changelog.sql", new FuzzDemo(), CLOCK);

    @AfterAll
    static void close() {
        FUZZ.close();
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> titles() {
        return FUZZ.database().inInitiative(FUZZ.initiative().id(),
                sql -> sql.list("select title from testingdb_item where initiative_id = :initiative order by id", r -> r.getString(1)));
    }

    @Test
    void answersAnd4xxPassAndEveryCallIsRolledBack() {
        FUZZ.param("step", "plan");
        FUZZ.callAll(body("{\"title\":\"Koffie\"}"), 1L, 999_999L);
        FUZZ.callAll(body("{\"title\":\"taken\"}"), 1L);
        FUZZ.callAll(body("{\"title\":\"fail after insert\"}"), 1L);
        FUZZ.callAll(body("{\"title\":\" \"}"), 1L);
        FUZZ.callAll(body("{not json"), 1L);
        FUZZ.callAll(body("{\"colour\":\"red\"}"), 1L);
        FUZZ.callAll(new byte[0], 1L);
        assertEquals(List.of("1/plan/1", "999999/plan/1", "1/plan/1", "1/plan/1", "1/plan/1"), SEEN,
                "only the body routes, as account 1, with the param");
        assertEquals(List.of("demo of 1..8 at 2026-11-26T09:00:00Z"), titles(), "the demo data is in, and nothing else stayed");
    }

    @Test
    void aPathParameterNotSetIsTheId() {
        ApiFuzz other = new ApiFuzz(new FuzzModule(), "db/testingdb/changelog.sql", null, CLOCK);
        try (other) {
            other.callAll(body("{\"title\":\"x\"}"), 4L);
            assertEquals(List.of("4/4/1"), SEEN);
            assertEquals(List.of("POST /items", "PUT /items/{id}/{step}"),
                    other.bodyRoutes().stream().map(r -> r.method() + " " + r.path()).toList());
        }
    }

    @Test
    void anExceptionFailsNamingTheRouteAndId() {
        AssertionError e = assertThrows(AssertionError.class, () -> FUZZ.callAll(body("{\"title\":\"boom\"}"), 1L, 2L));
        assertTrue(e.getMessage().contains("PUT /items/{id}/{step} with id 1 threw java.lang.IllegalStateException: a bug"), e.getMessage());
        assertEquals(1, titles().size(), "rolled back");
    }

    @Test
    void a5xxProblemFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> FUZZ.callAll(body("{\"title\":\"busy\"}"), 1L));
        assertTrue(e.getMessage().contains("answered 503"), e.getMessage());
        assertEquals(1, titles().size(), "rolled back");
    }

    @Test
    void bodiesAreReadWithTheGivenReader() {
        ApiFuzz other = new ApiFuzz(new FuzzModule(), "db/testingdb/changelog.sql", null, CLOCK);
        try (other) {
            other.readBodiesWith(new nl.samenredzaam.testing.fake.FakeWebRequest.BodyReader() {
                @Override
                public <T> T read(byte[] data, Class<T> type) {
                    return TestJson.read(body("{\"title\":\"boom\"}"), type);
                }
            });
            assertThrows(AssertionError.class, () -> other.callAll(body("{\"title\":\"harmless\"}"), 1L));
        }
    }
}
