package nl.samenredzaam.e2e.calendar;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Makes sure the calendar runs in the platform under test: when the runtime does not ship it yet,
 * the bundle from the local Maven repository is dropped into the deploy folder, as an operator
 * would; then waits until the demo initiative serves the calendar.
 */
final class CalendarDeploy {

    static final String PASSWORD = "lindeholt-demo";
    static final String OPERATOR_PASSWORD = "operator-agenda-e2e-7";
    static final String BASE = "/lindeholt/calendar";
    static final String API = "/api/v1/lindeholt/calendar";

    private CalendarDeploy() {
    }

    static final Path LOCAL_BUNDLE = Path.of(System.getProperty("user.home"), ".m2", "repository",
            "nl/samenredzaam/nl.samenredzaam.calendar/0.1.0-SNAPSHOT/nl.samenredzaam.calendar-0.1.0-SNAPSHOT.jar");
    static final String EMBEDDED = "jar/nl.samenredzaam.calendar-0.1.0-SNAPSHOT.jar";

    /**
     * The platform to test. When the runtime jar ships a calendar bundle, the test runs a copy of
     * that jar with the bundle just built in its place (the platform refuses to replace its own
     * bundles at run time); otherwise {@link #ensureRunning} installs it through the management API.
     */
    static RunningPlatform platform(String name) {
        RunningPlatform.Builder builder = RunningPlatform.builder().name(name).demo()
                .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD);
        try {
            Path runtime = nl.samenredzaam.testing.PlatformJar.locate();
            Path patched = withLocalBundle(runtime, Path.of("target", "calendar-" + name + ".jar").toAbsolutePath());
            if (patched != null) {
                builder.jar(patched);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return builder.build();
    }

    /** A copy of the runtime jar with the embedded calendar bundle replaced, or null when it has none. */
    static Path withLocalBundle(Path runtime, Path target) throws IOException {
        boolean found = false;
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(runtime));
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(target))) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals(EMBEDDED)) {
                    found = true;
                    Files.copy(LOCAL_BUNDLE, out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (!found) {
            Files.delete(target);
            return null;
        }
        return target;
    }

    /**
     * Installs (or updates to) the calendar bundle just built, through the management API as the
     * operator: the runtime jar may ship an older build, or none.
     */
    static void ensureRunning(RunningPlatform platform) throws IOException {
        Path jar = LOCAL_BUNDLE;
        nl.samenredzaam.testing.JsonResponse token = platform.http().newSession().post("/api/v1/auth/token",
                java.util.Map.of("username", "admin", "password", OPERATOR_PASSWORD));
        if (token.status() != 200) {
            throw new AssertionError("operator sign-in failed: " + token);
        }
        nl.samenredzaam.testing.JsonResponse installed = platform.http().newSession().withBearer(token.json().get("token").asText())
                .send("POST", "/api/v1/platform/bundles", HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(jar)),
                        "application/java-archive");
        // 409: the runtime ships the bundle itself (then the copy made in platform() holds the local build)
        if (installed.status() != 200 && installed.status() != 201 && installed.status() != 409) {
            throw new AssertionError("installing the calendar bundle failed: " + installed + "\n" + platform.logTail(60));
        }
        // the calendar answers once the bundle runs, is enabled for the demo and has its demo programme
        Eventually.within(Duration.ofSeconds(180)).until(() -> status(platform, BASE) == 200
                && status(platform, BASE + "/activities/3") == 200,
                () -> "the calendar did not come up; log:\n" + platform.logTail(80));
    }

    static int status(RunningPlatform platform, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.baseUri().resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
