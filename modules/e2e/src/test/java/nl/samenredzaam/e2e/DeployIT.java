package nl.samenredzaam.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.RunningPlatform;

/** Hot deployment through the deploy folder (FileInstall): install, update and uninstall without a restart. */
class DeployIT {

    /** FileInstall polls every 500 ms; installing and starting takes a little more on a busy machine. */
    static final Duration PICK_UP = Duration.ofSeconds(20);
    static final String PATH = "/e2e-dropin";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("DeployIT").build();

    @TempDir
    Path work;

    @Test
    void aJarDroppedIntoTheDeployFolderGoesLiveIsUpdatedAndRemoved(HttpJson http) throws Exception {
        Path deploy = platform.dataDir().resolve("deploy");
        Path jar = deploy.resolve("dropin.jar");
        assertEquals(404, http.get(PATH).status(), "nothing there before the drop");

        DropInBundle.write(jar, "1.0.0", PATH, Files.createDirectories(work.resolve("v1")));
        Eventually.within(PICK_UP).until(() -> "dropin 1.0.0".equals(http.get(PATH).body()),
                () -> "version 1 served; log:\n" + platform.logTail(30));

        DropInBundle.write(jar, "2.0.0", PATH, Files.createDirectories(work.resolve("v2")));
        Eventually.within(PICK_UP).until(() -> "dropin 2.0.0".equals(http.get(PATH).body()),
                () -> "version 2 served after the update; log:\n" + platform.logTail(30));

        Files.delete(jar);
        Eventually.within(PICK_UP).until(() -> http.get(PATH).status() == 404,
                () -> "servlet gone after the jar was removed; log:\n" + platform.logTail(30));
    }
}
