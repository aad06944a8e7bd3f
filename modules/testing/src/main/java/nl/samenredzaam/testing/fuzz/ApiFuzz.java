package nl.samenredzaam.testing.fuzz;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.db.TestDatabases;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeDemoContext;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.TestJson;
import nl.samenredzaam.testing.fake.TestResponse;

/**
 * Fuzzing a module's JSON API: an H2 database ({@link TestDatabases#open}) with the platform's and
 * the module's tables and the module's Lindeholt demo data (so that the ids in paths exist), and
 * every API route that reads a body ({@code POST}, {@code PUT}, {@code PATCH}) called with the
 * fuzzer's bytes as its JSON body, by a coordinator who has every role and every permission of the
 * module. The only allowed outcomes are an answer or a {@link ProblemException} with a 4xx status;
 * anything else (another exception, a 5xx problem) is what the platform would answer with a 500, and
 * fails with an {@link AssertionError} naming the route and the id. Each call runs in a transaction of
 * the initiative that is rolled back, so inputs do not change each other's data.
 *
 * <pre>{@code
 * class PrikbordApiFuzzTest {
 *     static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
 *     static final ApiFuzz FUZZ = new ApiFuzz(new PrikbordModule(CLOCK), "db/prikbord/changelog.sql", new PrikbordDemo(), CLOCK);
 *
 *     @AfterAll
 *     static void close() {
 *         FUZZ.close();
 *     }
 *
 *     @FuzzTest(maxDuration = "10s")          // com.code_intelligence.jazzer.junit.FuzzTest
 *     void bodiesAnswerOr4xx(byte[] data) {
 *         FUZZ.callAll(data, 1L, 2L, 999_999L); // existing and missing ids
 *     }
 * }
 * }</pre>
 *
 * <p>Bodies are read with {@link TestJson#read} (the platform's rules) unless the test hands in
 * another reader with {@link #readBodiesWith}: this repository's modules give the web bundle's own
 * {@code Json::read}. A path parameter is the id of the call unless set with {@link #param}. The demo
 * accounts have the ids 1 to 8 ({@link FakeDemoContext#ACCOUNTS} in order); the caller is account 1,
 * {@code coordinator}. In a normal build (without {@code JAZZER_FUZZ}) Jazzer replays the stored inputs
 * in {@code src/test/resources/<package>/<TestClass>Inputs/<method>/}.
 */
public final class ApiFuzz implements AutoCloseable {

    private static final RuntimeException ROLLBACK = new RuntimeException("rollback") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final TestDatabase db;
    private final Initiative initiative;
    private final Module module;
    private final FakeActor coordinator;
    private final Map<String, String> params = new HashMap<>();
    private FakeWebRequest.BodyReader reader = TestJson::read;

    /**
     * Opens an H2 database with the platform's changelog, {@code changelog} and {@code moreChangelogs},
     * creates the initiative {@code lindeholt-fuzz} and fills it with {@code demo}'s data, if any.
     *
     * @param module the module whose {@link Module#routes()} are called
     * @param changelog the module's changelog, e.g. {@code "db/prikbord/changelog.sql"}
     * @param demo the module's demo data, or {@code null} for none
     * @param clock the clock the demo data gets
     * @param moreChangelogs changelogs of other modules the module's tables refer to
     */
    public ApiFuzz(Module module, String changelog, DemoDataContributor demo, Clock clock, String... moreChangelogs) {
        this.module = Objects.requireNonNull(module, "module");
        this.db = TestDatabases.open(Sql.Dialect.H2).migrate(changelog).migrate(moreChangelogs);
        this.initiative = db.createInitiative("lindeholt-fuzz", "Dorpszorg Lindeholt");
        FakeDemoContext accounts = new FakeDemoContext(clock, 1L);
        this.coordinator = FakeActor.of(accounts.userId("coordinator"), "Coördinator", Role.values())
                .withPermissions(module.permissions().stream().map(Permission::id).toArray(String[]::new));
        if (demo != null) {
            db.inInitiative(initiative.id(), sql -> {
                demo.populate(sql, accounts);
                return null;
            });
        }
    }

    /** Reads the bodies with {@code bodyReader} instead of {@link TestJson#read}, e.g. the platform's {@code Json::read}. */
    public ApiFuzz readBodiesWith(FakeWebRequest.BodyReader bodyReader) {
        this.reader = Objects.requireNonNull(bodyReader, "bodyReader");
        return this;
    }

    /** The value of a path parameter that is not an id, e.g. {@code param("step", "plan")}; others get the call's id. */
    public ApiFuzz param(String name, String value) {
        params.put(name, value);
        return this;
    }

    /** The database, e.g. to look at the demo data. */
    public TestDatabase database() {
        return db;
    }

    /** The initiative the calls are made in. */
    public Initiative initiative() {
        return initiative;
    }

    /** The API routes that read a body. */
    public List<Route> bodyRoutes() {
        return module.routes().stream().filter(r -> r.kind() == Route.Kind.API)
                .filter(r -> r.method() == Route.Method.POST || r.method() == Route.Method.PUT || r.method() == Route.Method.PATCH)
                .toList();
    }

    /**
     * Calls every {@link #bodyRoutes() body route} with {@code data}, once for each id.
     *
     * @throws AssertionError on anything but an answer or a 4xx problem
     */
    public void callAll(byte[] data, long... ids) {
        for (Route route : bodyRoutes()) {
            for (long id : ids) {
                call(route, data, id);
            }
        }
    }

    /**
     * Calls one route with {@code data} as its body and {@code id} in its path, and rolls back.
     *
     * @throws AssertionError on anything but an answer or a 4xx problem
     */
    public void call(Route route, byte[] data, long id) {
        try {
            db.inInitiative(initiative.id(), sql -> {
                FakeWebRequest.Builder request = FakeWebRequest.request(route.method().name(), route.path())
                        .initiative(initiative).module(module).actor(coordinator).sql(sql)
                        .body("application/json", data).bodyReader(reader);
                for (String segment : route.path().split("/")) {
                    if (segment.startsWith("{") && segment.endsWith("}")) {
                        String name = segment.substring(1, segment.length() - 1);
                        request.pathParam(name, params.getOrDefault(name, Long.toString(id)));
                    }
                }
                TestResponse answer = request.call(route.handler());
                if (answer.status() >= 500 || answer.status() < 400 && answer.isProblem()) {
                    ProblemException e = answer.problem().orElseThrow();
                    throw new AssertionError(route.method() + " " + route.path() + " answered " + e.status() + ": " + e, e);
                }
                throw ROLLBACK;
            });
        } catch (AssertionError e) {
            throw e;
        } catch (RuntimeException e) {
            if (e == ROLLBACK || e.getCause() == ROLLBACK) {
                return;
            }
            throw new AssertionError(route.method() + " " + route.path() + " with id " + id + " threw " + e, e);
        }
    }

    /** Closes the database. */
    @Override
    public void close() {
        db.close();
    }
}
