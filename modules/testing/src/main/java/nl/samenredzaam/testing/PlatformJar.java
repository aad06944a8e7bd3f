package nl.samenredzaam.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the exported runtime jar the end-to-end tests run. */
public final class PlatformJar {

    /** System property naming the jar; the e2e module's failsafe configuration sets it. */
    public static final String PROPERTY = "samenredzaam.jar";
    static final Path RELATIVE = Path.of("runtime", "target", "samenredzaam.jar");

    private PlatformJar() {
    }

    /**
     * The jar named by {@value #PROPERTY}, else {@code runtime/target/samenredzaam.jar} found from the working
     * directory upwards.
     *
     * @throws IllegalStateException with the command that builds it, when there is none
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            throw new IllegalStateException(PROPERTY + "=" + configured + " does not exist; build it with "
                    + "'mvn -pl runtime -am package'");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(RELATIVE);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("No " + RELATIVE + " above " + Path.of("").toAbsolutePath()
                + "; build it with 'mvn -pl runtime -am package' or set -D" + PROPERTY);
    }
}
