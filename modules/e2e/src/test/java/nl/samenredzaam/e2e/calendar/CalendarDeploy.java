package nl.samenredzaam.e2e.calendar;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    static RunningPlatform platform(String name) {
        return RunningPlatform.builder().name(name).demo().env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).build();
    }

    static void ensureRunning(RunningPlatform platform) throws IOException {
        if (status(platform, BASE) == 404) {
            Path deploy = Files.createDirectories(platform.dataDir().resolve("deploy"));
            Path jar = Path.of(System.getProperty("user.home"), ".m2", "repository",
                    "nl/samenredzaam/nl.samenredzaam.calendar/0.1.0-SNAPSHOT/nl.samenredzaam.calendar-0.1.0-SNAPSHOT.jar");
            Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
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
