package nl.samenredzaam.e2e.wmointake;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Makes sure modules run in a platform started with {@code --demo}: waits for the demo initiative,
 * then gives each module a moment to appear; a module the runtime does not ship is dropped into the
 * deploy folder (from the local Maven repository), as an operator would.
 */
final class Deploy {

    static final String HOME = "/lindeholt/";

    private Deploy() {
    }

    /**
     * @param modules a page path of the module (answers 404 while it is absent) to its artifact id
     */
    static void ensure(RunningPlatform platform, Map<String, String> modules) throws IOException {
        Eventually.within(Duration.ofSeconds(60)).until(() -> demoReady(platform),
                () -> "the demo initiative did not appear; log:\n" + platform.logTail(40));
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "nl", "samenredzaam");
        Path deploy = Files.createDirectories(platform.dataDir().resolve("deploy"));
        boolean deployed = false;
        for (var e : modules.entrySet()) {
            if (!appears(platform, e.getKey(), Duration.ofSeconds(10))) {
                copy(m2, e.getValue(), deploy);
                deployed = true;
            }
        }
        if (deployed && !appears(platform, "/lindeholt/wmo-intake/mijn", Duration.ofSeconds(1))) {
            copy(m2, "nl.samenredzaam.instruments", deploy);
        }
        Eventually.within(Duration.ofSeconds(60)).until(() -> modules.keySet().stream().allMatch(p -> status(platform, p) != 404),
                () -> "not every module came up: " + modules.keySet() + "; log:\n" + platform.logTail(60));
    }

    private static boolean appears(RunningPlatform platform, String path, Duration within) {
        try {
            Eventually.within(within).until(() -> status(platform, path) != 404, path);
            return true;
        } catch (AssertionError notThere) {
            return false;
        }
    }

    private static void copy(Path m2, String artifact, Path deploy) throws IOException {
        Path jar = m2.resolve(artifact).resolve("0.1.0-SNAPSHOT").resolve(artifact + "-0.1.0-SNAPSHOT.jar");
        Files.copy(jar, deploy.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean demoReady(RunningPlatform platform) {
        try {
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.baseUri().resolve(HOME))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return home.statusCode() == 200 && home.body().contains("class=\"sr-card\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
