package nl.samenredzaam.e2e.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselining of the API (bnd-baseline-maven-plugin in modules/api/pom.xml) fails the build on an
 * incompatible change. A copy of modules/api is released as 1.0.0 under a separate group id
 * ({@value #GROUP}, installed in the local Maven repository so the real API is never touched); a
 * second copy, 1.0.1-SNAPSHOT, is built against that baseline: unchanged it passes, with a method
 * removed from a published interface it fails and names the package and method.
 */
class BaselineIT {

    static final String GROUP = "nl.samenredzaam.baselinecheck";
    static final Path API = Path.of(System.getProperty("user.dir")).resolve("../api").normalize();

    @TempDir
    static Path work;

    /**
     * The API's Javadoc jar is built in the package phase, before the baseline check in verify; the broken copy's
     * Javadoc still links to the removed method, which would fail the build for another reason.
     */
    static final String NO_JAVADOC = "-Dmaven.javadoc.skip=true";

    @BeforeAll
    static void releaseABaseline() {
        Maven.succeed(copy("1.0.0"), "install", "-DskipTests", NO_JAVADOC);
    }

    @Test
    void anUnchangedApiPassesTheBaseline() {
        String build = Maven.succeed(copy("1.0.1-SNAPSHOT-same"), "verify", "-DskipTests", NO_JAVADOC);
        assertTrue(build.contains("The baseline version was found to be 1.0.0"), build);
        assertTrue(build.contains("Baseline check succeeded"), build);
    }

    @Test
    void removingAMethodFromAPublishedInterfaceFailsTheBuild() throws IOException {
        Path broken = copy("1.0.1-SNAPSHOT-broken");
        Path job = broken.resolve("src/main/java/nl/samenredzaam/api/job/ScheduledJob.java");
        String source = Files.readString(job);
        assertTrue(source.contains("Duration interval();"), "the interface this test breaks");
        Files.writeString(job, source.replace("Duration interval();", ""));
        // EventOutbox.Job gives interval() a default: without the interface method its @Override would not
        // compile, and the build must fail on the baseline, not on the compiler
        Path outbox = broken.resolve("src/main/java/nl/samenredzaam/api/event/EventOutbox.java");
        String outboxSource = Files.readString(outbox);
        String overridden = "@Override\n        default Duration interval()";
        assertTrue(outboxSource.contains(overridden), "EventOutbox.Job's interval() as this test expects it");
        Files.writeString(outbox, outboxSource.replace(overridden, "default Duration interval()"));

        Maven.Result build = Maven.run(broken, "verify", "-DskipTests", NO_JAVADOC);
        assertNotEquals(0, build.exitCode(), "an incompatible change must fail the build:\n" + build.tail());
        assertTrue(build.output().contains("Baseline problems detected"), build.tail());
        assertTrue(build.output().contains("nl.samenredzaam.api.job.ScheduledJob"), build.tail());
        assertTrue(build.output().contains("REMOVED      METHOD     interval()"), build.tail());
    }

    /** A copy of modules/api (sources and pom) with its own group id and the given version. */
    static Path copy(String folder) {
        String version = folder.replaceAll("-(same|broken)$", "");
        Path target = work.resolve(folder);
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.walk(API.resolve("src"))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(API.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
            String pom = Files.readString(API.resolve("pom.xml"));
            String artifact = "<artifactId>nl.samenredzaam.api</artifactId>";
            assertEquals(pom.indexOf(artifact), pom.lastIndexOf(artifact), "one artifactId to rewrite");
            Files.writeString(target.resolve("pom.xml"), pom.replace(artifact,
                    "<groupId>" + GROUP + "</groupId>" + artifact + "<version>" + version + "</version>"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
