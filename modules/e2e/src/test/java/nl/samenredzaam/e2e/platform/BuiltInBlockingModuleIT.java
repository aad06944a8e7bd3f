package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.PlatformJar;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Modules shipped inside samenredzaam.jar whose activation never returns. Felix's single start-level
 * thread starts the shipped bundles one after the other and hangs in the first; core's StartLevelWatchdog
 * notices after the bundle start time-out, marks it stuck and starts the bundles the thread has not
 * reached. Two fixtures that ignore interrupts are added to a copy of the platform jar as the first
 * bundles of level 20, so every other bundle of that level (identity, web, the feature modules) depends
 * on the take-over: modules/fixtures/blocking (an immediate Declarative Services component whose
 * constructor never returns; Felix has made the bundle ACTIVE already) hangs the start-level thread, and
 * modules/fixtures/blockingactivator (a BundleActivator that never returns; the bundle stays STARTING)
 * hangs the first start of the take-over, which goes on with the next bundle. Without the watchdog this
 * platform never answers {@code /health} (web is never started: 404).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuiltInBlockingModuleIT {

    static final String BLOCKING = "nl.samenredzaam.fixture.blocking";
    static final String ACTIVATOR = "nl.samenredzaam.fixture.blockingactivator";
    static final int TIMEOUT_SECONDS = 3;
    static final String STUCK = "Start duurde langer dan " + TIMEOUT_SECONDS + " s";

    static final Path JAR = platformWithBlockingModule();

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("built-in-blocking").demo().jar(JAR)
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD)
            .env("SAMENREDZAAM_BUNDLE_START_TIMEOUT", Integer.toString(TIMEOUT_SECONDS)).build();

    static HttpJson operator;

    static Path platformWithBlockingModule() {
        try {
            Path dir = Files.createTempDirectory("samenredzaam-builtin-blocking");
            Path jar = dir.resolve("samenredzaam.jar");
            dir.toFile().deleteOnExit();
            jar.toFile().deleteOnExit(); // deleted before its folder (reverse order)
            return ShippedBundleJar.copyWith(PlatformJar.locate(), 20, jar,
                    new ShippedBundleJar.Shipped("blocking.jar", Fixtures.blocking()),
                    new ShippedBundleJar.Shipped("blockingactivator.jar", Fixtures.blockingActivator()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void signIn() {
        operator = Fixtures.operator(platform.http()); // identity (level 20, after the stuck bundle) answers
    }

    @Test
    @Order(1)
    void theCopyShipsTheBlockingModulesFirstAtTheModulesLevel() {
        var p = ShippedBundleJar.launcherProperties(JAR);
        assertTrue(p.getProperty("launch.bundles").startsWith("jar/blocking.jar,jar/blockingactivator.jar,"),
                p.getProperty("launch.bundles"));
        for (String bsn : new String[] {BLOCKING, ACTIVATOR}) {
            assertTrue(p.getProperty("launch.runbundles.attrs").matches(".*,\\Q" + bsn + ";version=\\E\"[^\"]+\";startlevel=20.*"),
                    p.getProperty("launch.runbundles.attrs"));
        }
    }

    @Test
    @Order(2)
    void healthIsUpAndTheStuckModulesAreShownAsFailed(HttpJson http) {
        // RunningPlatform waited for /health 200: without the take-over it stays 404 (web never starts)
        JsonResponse health = http.get("/health");
        assertEquals(200, health.status(), health.toString());

        // Felix made it ACTIVE before Declarative Services began its component; the activator one stays STARTING
        assertBundle(BLOCKING, "ACTIVE");
        assertBundle(ACTIVATOR, "STARTING");
        for (String id : new String[] {"blocking", "blocking-activator"}) {
            JsonNode module = module(id);
            assertNotNull(module, id + " is listed");
            assertEquals("FAILED", module.get("state").asText(), module.toString());
            assertTrue(module.get("problem").asText().contains(STUCK), module.toString());
        }
        // enabled for the initiative its pages answer 503
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/blocking", Map.of("enabled", true)).status());
        assertEquals(503, http.get("/lindeholt/blocking").status());
    }

    static void assertBundle(String bsn, String state) {
        JsonResponse bundle = operator.get("/api/v1/platform/bundles/" + bsn);
        assertEquals(200, bundle.status(), bundle.toString());
        assertEquals(state, bundle.json().get("state").asText(), bundle.toString());
        assertTrue(bundle.json().get("problem").asText().contains(STUCK), bundle.toString());
        assertEquals(false, bundle.json().get("removable").asBoolean(), "shipped in the jar: " + bundle);
    }

    @Test
    @Order(3)
    void theBundlesAfterItAreActiveAndTheModulesServeTheDemoInitiative(HttpJson http) {
        for (String bsn : new String[] {"nl.samenredzaam.identity", "nl.samenredzaam.web", "nl.samenredzaam.buurtnieuws",
                "nl.samenredzaam.calendar", "nl.samenredzaam.volunteering", "nl.samenredzaam.wmointake", "nl.samenredzaam.referral"}) {
            JsonResponse b = operator.get("/api/v1/platform/bundles/" + bsn);
            assertEquals("ACTIVE", b.json().get("state").asText(), b.toString());
        }
        assertEquals(200, http.get("/lindeholt/").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
        HttpJson coordinator = Fixtures.signedIn(http, "coordinator", Fixtures.DEMO_PASSWORD);
        for (String path : new String[] {"/api/v1/lindeholt/calendar/activities", "/api/v1/lindeholt/volunteering/requests",
                "/api/v1/lindeholt/wmo-intake/files", "/api/v1/lindeholt/referral/referrals"}) {
            JsonResponse r = coordinator.get(path);
            assertEquals(200, r.status(), path + ": " + r);
        }
    }

    @Test
    @Order(4)
    void theLogNamesTheStuckBundleAndWhereItHangs() {
        String log = platform.log();
        assertTrue(log.contains("Bundle " + BLOCKING + " 0"), log);
        assertTrue(log.contains("did not finish starting within " + TIMEOUT_SECONDS + " s on the framework's start-level thread"), log);
        assertTrue(log.contains("BlockingModule.<init>"), "the stack of the stuck start-level thread: " + log);
        assertTrue(log.contains("bundles the start-level thread has not reached: " + ACTIVATOR + ", "), log);
        assertTrue(log.contains("Bundle " + ACTIVATOR + " 0"), log);
        assertTrue(log.contains("started instead of the stuck start-level thread, did not finish starting within " + TIMEOUT_SECONDS
                + " s either"), log);
        assertTrue(log.contains("BlockingActivator.start"), "the stack of the stuck take-over start: " + log);
    }

    /**
     * While the start-level thread hangs, Felix only queues a persistent start for it; core starts an
     * upload (and, after a restart, the uploads it restores once the watchdog took over) transiently.
     */
    @Test
    @Order(5)
    void anUploadWhileTheStartLevelThreadHangsStartsAndIsRestoredAfterARestart(HttpJson http) {
        JsonResponse hello = operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(Fixtures.hello()),
                "application/java-archive");
        assertEquals(201, hello.status(), hello.toString());
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true)).status());
        assertEquals(200, http.get("/api/v1/lindeholt/hello/greetings").status());

        platform.restart(); // waits for /health 200 again
        operator = Fixtures.operator(platform.http());
        // Felix could not stop the bundles (its start-level thread hangs); core stopped them in order, itself included
        String log = platform.log();
        assertTrue(log.matches("(?s).*it cannot stop the bundles itself, so they are stopped in its order: "
                + "nl\\.samenredzaam\\.fixture\\.hello, nl\\.samenredzaam\\.wmointake, nl\\.samenredzaam\\.web, [^\\n]*"
                + "nl\\.samenredzaam\\.identity, [^\\n]*nl\\.samenredzaam\\.core, nl\\.samenredzaam\\.api, .*"), log);
        Eventually.within(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/lindeholt/hello/greetings").status() == 200,
                () -> "hello restored and serving: " + operator.get("/api/v1/platform/bundles/nl.samenredzaam.fixture.hello"));
        assertBundle(BLOCKING, "ACTIVE");
        assertBundle(ACTIVATOR, "STARTING");
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
    }

    static JsonNode module(String id) {
        for (JsonNode m : operator.get("/api/v1/platform/modules").json()) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        return null;
    }
}
