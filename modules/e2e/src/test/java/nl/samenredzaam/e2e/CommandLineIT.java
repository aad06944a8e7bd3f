package nl.samenredzaam.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.RunningPlatform;
import nl.samenredzaam.testing.RunningPlatform.ProcessResult;

/** The launcher's command line, through the real jar (java -jar samenredzaam.jar ...). */
class CommandLineIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void unknownArgumentExitsWithTwo() {
        ProcessResult result = RunningPlatform.run(TIMEOUT, "--no-such-option");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("Onbekende optie: --no-such-option"), result.output());
        assertTrue(result.output().contains("Unknown option: --no-such-option"), result.output());
    }

    @Test
    void malformedPortExitsWithTwo() {
        ProcessResult result = RunningPlatform.run(TIMEOUT, "--port", "tachtig");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains("--port expects a port number"), result.output());
    }

    @Test
    void helpPrintsUsageAndExitsWithZero() {
        ProcessResult result = RunningPlatform.run(TIMEOUT, "--help");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("Gebruik: java -jar samenredzaam.jar"), result.output());
        assertTrue(result.output().contains("--deploy-dir"), result.output());
    }
}
