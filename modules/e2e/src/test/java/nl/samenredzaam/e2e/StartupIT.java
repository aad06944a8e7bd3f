package nl.samenredzaam.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/** The exported jar starts, answers /health, and lays out its data directory. */
class StartupIT {

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("StartupIT").build();

    @Test
    void healthAnswers200WithJson(HttpJson http) {
        JsonResponse health = http.get("/health");

        assertEquals(200, health.status(), health.toString());
        assertTrue(health.isJson(), "JSON body expected: " + health);
        assertNotNull(health.json(), health.toString());
    }

    @Test
    void dataDirectoryIsLaidOut() {
        assertTrue(Files.isDirectory(platform.dataDir().resolve("deploy")), "FileInstall's folder is created");
        assertTrue(Files.isDirectory(platform.dataDir().resolve("felix-cache")), "framework storage in the data dir");
        assertTrue(Files.isRegularFile(platform.dataDir().resolve("logback-default.xml")));
    }

    @Test
    void consoleLogGoesThroughLogbackWithoutStackTraces() {
        String log = platform.log();
        assertTrue(log.contains("Samenredzaam starting on http://localhost:" + platform.port()), log);
        assertFalse(log.contains("Exception"), "no exception at start-up:\n" + log);
        assertFalse(log.contains("DEBUG"), "Logback runs the shipped configuration (INFO), not its DEBUG default:\n" + log);
        // The platform bundles' SLF4J calls reach Logback (its pattern: time, level, abbreviated
        // logger), bound by the nl.samenredzaam.logging.binding fragment, not SLF4J's no-op logger.
        assertTrue(Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  n\\.s\\.c\\.i\\.d\\.DatabaseComponent - Database: H2 ")
                .matcher(log).find(), "core's log line formatted by Logback:\n" + log);
        assertFalse(log.contains("SLF4J"), "SLF4J found exactly one provider and said nothing:\n" + log);
    }

    @Test
    void sigtermStopsTheBundlesInOrder() {
        platform.stop();

        String log = platform.log();
        assertTrue(log.contains("Samenredzaam stopping"), "the shutdown hook ran:\n" + log);
        assertTrue(log.contains("Samenredzaam stopped"), "the framework stopped before the hook's deadline:\n" + log);
    }
}
