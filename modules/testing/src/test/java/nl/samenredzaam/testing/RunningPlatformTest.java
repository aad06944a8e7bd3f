package nl.samenredzaam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void bundlesAreInTheDeployFolderBeforeThePlatformStarts() throws Exception {
        Path notAJar = Files.writeString(tmp.resolve("broken.jar"), "not a jar");
        Path module = Files.writeString(tmp.resolve("prikbord-1.0.0.jar"), "a module bundle");
        RunningPlatform platform = RunningPlatform.builder().name("with-bundle").jar(notAJar).bundle(module)
                .startupTimeout(Duration.ofSeconds(30)).build();

        assertThrows(AssertionError.class, platform::start); // the fake platform exits at once

        Path deployed = platform.dataDir().resolve("deploy").resolve("prikbord-1.0.0.jar");
        assertTrue(Files.isRegularFile(deployed), "copied before the start: " + deployed);
        assertEquals("a module bundle", Files.readString(deployed));
    }

    @Test
    void aMissingBundleIsRefusedWhenTheTestIsWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> RunningPlatform.builder().bundle(tmp.resolve("target/not-built-yet.jar")));
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
