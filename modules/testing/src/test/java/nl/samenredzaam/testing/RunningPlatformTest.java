package nl.samenredzaam.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure path; the happy path runs against the real jar in the e2e module. */
class RunningPlatformTest {

    @TempDir
    Path tmp;

    @Test
    void aPlatformThatExitsFailsFastWithItsLog() throws Exception {
        Path notAJar = Files.writeString(tmp.resolve("broken.jar"), "not a jar");
        RunningPlatform platform = RunningPlatform.builder().name("broken").jar(notAJar)
                .startupTimeout(Duration.ofSeconds(30)).build();

        AssertionError e = assertThrows(AssertionError.class, platform::start);

        assertTrue(e.getMessage().contains("exited with code"), e.getMessage());
        assertTrue(e.getMessage().contains("jarfile"), "the log tail explains why: " + e.getMessage());
        assertFalse(platform.isRunning());
        assertTrue(Files.readString(platform.logFile()).contains("-jar " + notAJar));
    }

    @Test
    void eachPlatformGetsItsOwnPortAndDataDirectory() {
        RunningPlatform a = RunningPlatform.builder().jar(tmp).build();
        RunningPlatform b = RunningPlatform.builder().jar(tmp).build();
        assertFalse(a.port() == b.port());
        assertFalse(a.dataDir().equals(b.dataDir()));
        assertTrue(a.baseUri().toString().startsWith("http://127.0.0.1:"));
    }
}
