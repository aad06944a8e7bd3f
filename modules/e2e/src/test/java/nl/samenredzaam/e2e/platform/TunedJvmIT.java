package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.PlatformJar;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * {@code java -jar samenredzaam.jar} runs the platform in a second JVM started with the class data archive the build
 * wrote next to the jar (the launcher's TunedJvm): the archive really is mapped, signals and exit codes pass through,
 * the platform does not outlive the JVM that started it, and the switch or one's own JVM options keep it to one JVM.
 */
class TunedJvmIT {

    private static final Path JAR = PlatformJar.locate();
    private static final Path ARCHIVE = JAR.resolveSibling("samenredzaam.jsa");

    @Test
    void thePlatformRunsInASecondJvmThatUsesTheBuildsClassArchive() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "the build writes the class data archive next to the jar: " + ARCHIVE);
        RunningPlatform platform = RunningPlatform.builder().name("TunedJvmIT-archive").build().start();
        try {
            long server = platform.pid();
            assertNotEquals(platform.launcherPid(), server, "a second JVM runs the platform");
            String command = ProcessHandle.of(server).flatMap(h -> h.info().commandLine()).orElse("");
            assertTrue(command.contains("-XX:SharedArchiveFile=" + ARCHIVE), command);
            assertTrue(mapped(server).contains(ARCHIVE.toString()),
                    "the JVM mapped the archive (a stale or foreign archive is silently not used)");
            assertEquals(1, count(platform.log(), "Samenredzaam starting on"), "announced once:\n" + platform.log());
            assertEquals(200, new HttpJson(platform.baseUri()).get("/health").status());

            assertEquals(143, platform.stop(), "SIGTERM: an orderly stop, passed on as the exit code");
            assertFalse(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false), "the platform JVM stopped");
            assertTrue(platform.log().contains("Samenredzaam stopped"), platform.log());
        } finally {
            platform.kill();
        }
    }

    @Test
    void thePlatformStopsInOrderWhenTheJvmThatStartedItIsKilled() throws Exception {
        RunningPlatform platform = RunningPlatform.builder().name("TunedJvmIT-orphan").build().start();
        try {
            long server = platform.pid();
            ProcessHandle launcher = ProcessHandle.of(platform.launcherPid()).orElseThrow();
            assertTrue(launcher.destroyForcibly(), "SIGKILL to the JVM java -jar started");
            Optional<ProcessHandle> handle = ProcessHandle.of(server);
            if (handle.isPresent()) {
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            }
            Eventually.within(Duration.ofSeconds(10)).until(() -> platform.log().contains("Samenredzaam stopped"),
                    () -> "the platform did not stop by itself:\n" + platform.log());
            assertTrue(platform.log().contains("The launching process " + launcher.pid() + " has gone"), platform.log());
        } finally {
            platform.kill();
        }
    }

    @Test
    void theSwitchOrOwnJvmOptionsKeepItToOneJvm() throws Exception {
        for (RunningPlatform platform : List.of(
                RunningPlatform.builder().name("TunedJvmIT-off").env("SAMENREDZAAM_JVM_TUNING", "off").build(),
                RunningPlatform.builder().name("TunedJvmIT-own").jvmArgs("-Xmx384m").build())) {
            try {
                platform.start();
                assertEquals(platform.launcherPid(), platform.pid(), "one JVM");
                assertTrue(ProcessHandle.of(platform.pid()).orElseThrow().children().findAny().isEmpty());
            } finally {
                platform.stop();
            }
        }
    }

    private static String mapped(long pid) throws Exception {
        return Files.readString(Path.of("/proc", Long.toString(pid), "maps"));
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }
}
