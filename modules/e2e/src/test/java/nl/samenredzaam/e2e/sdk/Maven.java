package nl.samenredzaam.e2e.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Maven offline as a child process, the way a module developer would. */
final class Maven {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** The exit code and the combined output of one run. */
    record Result(int exitCode, String output) {
        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    private Maven() {
    }

    /** Runs {@code mvn -B -o args…} in {@code dir}; fails when it does not finish within {@link #TIMEOUT}. */
    static Result run(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(executable(), "-B", "-o"));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("maven-", ".log");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("Maven still running after " + TIMEOUT + ": " + command + "\n"
                            + new Result(-1, Files.readString(out, StandardCharsets.UTF_8)).tail());
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #run}, but fails with Maven's output unless the build succeeds. */
    static String succeed(Path dir, String... args) {
        Result result = run(dir, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("mvn " + String.join(" ", args) + " failed in " + dir + ":\n" + result.tail());
        }
        return result.output();
    }

    private static String executable() {
        String home = System.getenv("MAVEN_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
