package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Two platform nodes on one real PostgreSQL behave as one platform: tokens and sessions work on
 * either node, and initiatives, module switches and bundle installs made on one node reach the
 * other (PostgreSQL LISTEN/NOTIFY, no polling).
 */
class TwoNodesOnPostgresIT {

    /** Generous for a loaded CI machine; the measured latency is in docs/performance.md. */
    static final Duration PROPAGATION = Duration.ofSeconds(5);

    static EmbeddedPostgres postgres;
    static RunningPlatform nodeA;
    static RunningPlatform nodeB;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database samenredzaam");
        }
        String url = postgres.getJdbcUrl("postgres", "samenredzaam");
        nodeA = node("node-a", url, true).start();
        nodeB = node("node-b", url, false).start();
    }

    private static RunningPlatform node(String name, String url, boolean demo) {
        RunningPlatform.Builder b = RunningPlatform.builder().name(name)
                .env("SAMENREDZAAM_DB_URL", url).env("SAMENREDZAAM_DB_USER", "postgres").env("SAMENREDZAAM_DB_PASSWORD", "postgres")
                .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD);
        return demo ? b.demo().build() : b.build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodeB != null) {
            nodeB.stop();
        }
        if (nodeA != null) {
            nodeA.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aTokenFromOneNodeWorksOnTheOther() {
        String token = Fixtures.token(nodeA.http(), "admin", Fixtures.OPERATOR_PASSWORD);
        assertEquals(200, nodeB.http().withBearer(token).get("/api/v1/platform/initiatives").status());
    }

    @Test
    void aSessionFromOneNodeWorksOnTheOther() {
        JsonResponse login = nodeA.http().newSession().postForm("/login",
                Map.of("username", "beheerder", "password", Fixtures.DEMO_PASSWORD, "returnTo", "/lindeholt/beheer/"));
        assertEquals(303, login.status(), login.toString());
        String cookie = login.header("Set-Cookie").orElseThrow().split(";")[0];
        JsonResponse onB = nodeB.http().newSession().withHeader("Cookie", cookie).get("/lindeholt/beheer/");
        assertEquals(200, onB.status(), "the session is in the database, so node B knows it");
    }

    @Test
    void initiativesAndModuleSwitchesReachTheOtherNode() {
        HttpJson a = Fixtures.operator(nodeA.http());
        HttpJson b = nodeB.http();
        assertEquals(404, b.get("/api/v1/hengelo/buurtnieuws/items").status(), "node B caches that hengelo does not exist");
        assertEquals(201, a.post("/api/v1/platform/initiatives", Map.of("slug", "hengelo", "name", "Buurtkracht Hengelo")).status());
        assertEquals(200, a.put("/api/v1/hengelo/modules/buurtnieuws", Map.of("enabled", true)).status());
        Eventually.within(PROPAGATION).until(() -> b.get("/api/v1/hengelo/buurtnieuws/items").status() == 200,
                "node B sees the new initiative with its module switched on");

        assertEquals(200, a.put("/api/v1/hengelo/modules/buurtnieuws", Map.of("enabled", false)).status());
        Eventually.within(PROPAGATION).until(() -> b.get("/api/v1/hengelo/buurtnieuws/items").status() == 404,
                "node B sees the module switched off");
    }

    @Test
    void aBundleInstalledOnOneNodeRunsOnTheOther() {
        HttpJson a = Fixtures.operator(nodeA.http());
        JsonResponse installed = a.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(Fixtures.hello()),
                "application/java-archive");
        assertEquals(201, installed.status(), installed.toString());
        a.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true));
        Eventually.within(PROPAGATION).until(() -> nodeB.http().get("/api/v1/lindeholt/hello/greetings").status() == 200,
                "the bundle reached node B");

        assertEquals(204, a.delete("/api/v1/platform/bundles/" + BundleLifecycleIT.HELLO).status());
        Eventually.within(PROPAGATION).until(() -> nodeB.http().get("/api/v1/lindeholt/hello/greetings").status() == 404,
                "the uninstall reached node B");
    }

    @Test
    void dataSurvivesARestartOnPostgres() {
        HttpJson beheerder = Fixtures.signedIn(nodeA.http(), "beheerder", Fixtures.DEMO_PASSWORD);
        beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true));
        JsonResponse posted = beheerder.post("/api/v1/lindeholt/buurtnieuws/items", Map.of("title", "Blijft bewaard", "body", "Na een herstart."));
        assertEquals(201, posted.status());
        nodeA.restart();
        assertTrue(nodeA.http().get("/api/v1/lindeholt/buurtnieuws/items").body().contains("Blijft bewaard"));
        assertTrue(nodeB.http().get("/api/v1/lindeholt/buurtnieuws/items").body().contains("Blijft bewaard"));
    }
}
