package nl.samenredzaam.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Runs the platform in a second JVM that has the start-up settings a plain {@code java -jar samenredzaam.jar} cannot
 * carry (a jar's manifest cannot hold JVM options). Measured on a 2-core machine (docs/performance.md, "JVM
 * settings"): the class data archive and the later C2 compilation below take about a fifth off the time to the first
 * {@code /health} 200, for ~80 ms and ~40 MB for the small JVM that waits. Elasticsearch's and Gradle's launchers do
 * the same for the same reason.
 * <ul>
 * <li><b>Class data sharing</b> ({@code -XX:SharedArchiveFile}): the build runs the platform once and has the JVM
 * write every class it loaded, parsed and verified into {@code samenredzaam.jsa} next to the jar
 * ({@link ClassArchiveTraining}). Starting from it skips parsing and verifying ~6,000 classes, the bundles' classes
 * included (the JVM matches a class an OSGi class loader defines against the archive by name and checksum). The JVM
 * checks the archive itself: another JDK build or a rebuilt jar makes it unusable, and the JVM then starts without it
 * (its warning about that is switched off here, the start is merely slower).</li>
 * <li><b>Later C2 compilation</b>: a start runs a great deal of code a few thousand times and never again; on two
 * cores the C2 compiler thread optimising it takes CPU from the start itself. Raising the tier-4 thresholds leaves
 * such code to the quick C1 compiler; code that stays hot (the request paths) still reaches C2, somewhat later.</li>
 * </ul>
 * The second JVM is started only when this JVM was started with no options other than {@code -D} system properties,
 * which it passes on: whoever sets their own JVM options tunes the JVM themselves. {@code SAMENREDZAAM_JVM_TUNING=off}
 * runs the platform in this JVM. The waiting JVM passes on a SIGTERM (its shutdown hook stops the platform and exits
 * with its exit code); the platform stops itself when the waiting JVM is gone ({@link #watchParent}).
 */
final class TunedJvm {

    /** Set on the second JVM, to the process id of the JVM that waits for it. */
    static final String CHILD_OF = "samenredzaam.launcher.childOf";
    /** {@code off} (or {@code false}) runs the platform in the JVM that {@code java -jar} started. */
    static final String SWITCH = "SAMENREDZAAM_JVM_TUNING";
    /** Exit code of the platform when the JVM that waited for it has gone (killed, say). */
    static final int EXIT_PARENT_GONE = 3;

    /** Ten times the JDK's tier-4 thresholds (JDK 17: 5,000 / 600 / 15,000 / 40,000). */
    static final List<String> COMPILER_OPTIONS = List.of(
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    private TunedJvm() {
    }

    /** The class data archive of a jar: {@code samenredzaam.jsa} next to {@code samenredzaam.jar}. */
    static Path archiveOf(Path jar) {
        String name = jar.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        return jar.resolveSibling(base + ".jsa");
    }

    /**
     * The command that starts the platform in a tuned JVM, or empty when this JVM runs it itself.
     *
     * @param javaHome     {@code java.home} of this JVM
     * @param jar          where this class was loaded from (a directory in the unit tests: no second JVM)
     * @param jvmArguments this JVM's options ({@code RuntimeMXBean.getInputArguments()})
     * @param env          the environment
     * @param system       this JVM's system properties
     * @param parentPid    this process's id, for the second JVM to watch
     * @param args         the command line
     */
    static Optional<List<String>> command(Path javaHome, Path jar, List<String> jvmArguments, Map<String, String> env,
            Properties system, long parentPid, String[] args) {
        if (system.getProperty(CHILD_OF) != null || switchedOff(env.get(SWITCH))) {
            return Optional.empty();
        }
        if (jar == null || !Files.isRegularFile(jar) || !jvmArguments.stream().allMatch(a -> a.startsWith("-D"))) {
            return Optional.empty();
        }
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(COMPILER_OPTIONS);
        Path archive = archiveOf(jar);
        if (Files.isReadable(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xlog:cds=off,cds+dynamic=off");
        }
        command.addAll(jvmArguments);
        command.add("-D" + CHILD_OF + "=" + parentPid);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    private static boolean switchedOff(String value) {
        return value != null && (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false"));
    }

    /**
     * Starts the second JVM on this process's standard input, output and error, and waits for it.
     *
     * @return its exit code
     */
    static int run(List<String> command, PrintStream err) throws InterruptedException {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            err.println("Kan Java niet starten / Cannot start Java: " + command.get(0) + ": " + e.getMessage());
            return Main.EXIT_ENVIRONMENT;
        }
        // SIGTERM or Ctrl-C here: stop the platform in order, then leave with its exit code.
        Thread stopPlatform = new Thread(() -> {
            child.destroy();
            try {
                Runtime.getRuntime().halt(child.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "samenredzaam-stop-platform");
        Runtime.getRuntime().addShutdownHook(stopPlatform);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopPlatform);
        } catch (IllegalStateException shuttingDown) {
            // already running: it passes the same exit code on
        }
        return code;
    }

    /**
     * In the second JVM: stop the platform in order when the JVM that started it is gone (killed with SIGKILL, say),
     * instead of running on without anyone waiting for it. Looks twice a second.
     */
    static Thread watchParent(long parentPid, PrintStream err) {
        Thread watch = new Thread(() -> {
            try {
                while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                return;
            }
            err.println("Het startproces " + parentPid + " is gestopt: Samenredzaam stopt ook."
                    + " / The launching process " + parentPid + " has gone: Samenredzaam stops too.");
            System.exit(EXIT_PARENT_GONE);
        }, "samenredzaam-parent-watch");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }
}
