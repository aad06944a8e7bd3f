package nl.samenredzaam.e2e.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import nl.samenredzaam.testing.Eventually;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The disk of the embedded H2 database fills up: writes get a clear problem+json error (no hang, no success that is
 * not stored), and after space is freed and the platform restarted every acknowledged write is there (no corruption).
 * The data directory is a small tmpfs; mounting needs root, so the test is skipped where {@code mount} is refused.
 * Two platform starts.
 */
class DiskFullOnH2IT {

    static Path mountPoint;
    static boolean mounted;
    static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        mountPoint = Files.createDirectories(Reliability.target("diskfull"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", mountPoint.toString()) == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
        platform = RunningPlatform.builder().name("diskfull-h2").demo().dataDir(mountPoint)
                .env("SAMENREDZAAM_ADMIN_PASSWORD", Reliability.OPERATOR_PASSWORD).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (mounted) {
            run("umount", mountPoint.toString());
        }
    }

    @Test
    void aFullDiskGivesClearErrorsAndCorruptsNothing() throws Exception {
        HttpJson beheerder = Reliability.beheerderWithBuurtnieuws(platform.http());
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonResponse r = post(beheerder, "Voor de volle schijf " + i);
            assertEquals(201, r.status(), r.toString());
            acknowledged.add(r.header("Location").orElseThrow());
        }

        Path filler = mountPoint.resolve("filler.bin");
        fill(filler);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            JsonResponse r = post(beheerder, "Op een volle schijf " + i + " " + "x".repeat(2000));
            statuses.add(r.status());
            if (r.status() == 201) {
                acknowledged.add(r.header("Location").orElseThrow());
            } else {
                assertEquals(503, r.status(), "a full disk: try again later, not a 500: " + r);
                assertEquals("application/problem+json", r.contentType(), r.toString());
            }
        }
        JsonResponse healthWhileFull = platform.http().get("/health");
        assertEquals(503, healthWhileFull.status(), "health says so while the database cannot write: " + healthWhileFull);
        assertTrue(healthWhileFull.body().contains("\"database\":\"DOWN\""), healthWhileFull.body());

        Files.delete(filler);
        long freed = System.nanoTime();
        // recovers without a restart: the broken connections are evicted and H2 opens its file again
        Eventually.within(Duration.ofSeconds(30)).until(() -> platform.http().get("/health").status() == 200,
                () -> "/health back to 200 after space was freed: " + platform.http().get("/health"));
        long healthyAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - freed);
        JsonResponse afterFreeing = post(beheerder, "Na het vrijmaken");
        assertEquals(201, afterFreeing.status(), "writes work again without a restart: " + afterFreeing);
        acknowledged.add(afterFreeing.header("Location").orElseThrow());
        System.out.printf("[reliability] disk full on H2: answers while full %s; /health while full %d %s; "
                + "healthy again %d ms after space was freed (measured under load), then write %d%n", statuses,
                healthWhileFull.status(), healthWhileFull.body(), healthyAfter, afterFreeing.status());

        platform.stop();
        platform.start();
        HttpJson again = Reliability.beheerderWithBuurtnieuws(platform.http().newSession());
        for (String location : acknowledged) {
            JsonResponse item = again.get(location);
            assertEquals(200, item.status(), location + " was acknowledged: " + item);
        }
        JsonResponse fresh = post(again, "Na de herstart");
        assertEquals(201, fresh.status(), fresh.toString());
        System.out.printf("[reliability] disk full on H2: %d acknowledged writes all present after restart%n",
                acknowledged.size());
    }

    private static JsonResponse post(HttpJson http, String title) {
        return http.post("/api/v1/lindeholt/buurtnieuws/items", Map.of("title", title.substring(0, Math.min(120, title.length())),
                "body", title));
    }

    /** Writes until the file system refuses. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException expected) {
            // No space left on device
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
