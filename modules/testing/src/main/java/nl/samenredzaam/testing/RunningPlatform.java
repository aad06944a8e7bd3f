package nl.samenredzaam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The exported platform ({@code runtime/target/samenredzaam.jar}) running as a child process, for end-to-end tests.
 * <p>
 * Each instance gets a fresh data directory under {@code target/platform-data/} and a free port, writes the child's
 * stdout and stderr to a log file under {@code target/platform-logs/}, and counts as started once
 * {@code GET /health} answers 200. Inherited {@code SAMENREDZAAM_*} environment variables are dropped, so a
 * developer's shell cannot point tests at another database; set what a test needs with {@link Builder#env}.
 * <p>
 * As a JUnit 5 extension (static field, one platform per test class):
 *
 * <pre>{@code
 * @RegisterExtension
 * static RunningPlatform platform = RunningPlatform.builder().demo().build();
 *
 * @Test
 * void healthy(HttpJson http) {
 *     assertEquals(200, http.get("/health").status());
 * }
 * }</pre>
 *
 * It starts before the first test, makes sure it is running before each test (a test may have stopped or killed it),
 * and stops after the last. Test methods may take a {@code RunningPlatform} or an {@code HttpJson} parameter.
 * <p>
 * A module developer's end-to-end test starts the platform with the module's own bundle in it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static RunningPlatform platform = RunningPlatform.builder().demo()
 *         .bundle(Path.of("target/prikbord-1.0.0.jar")).build();
 * }</pre>
 *
 * The bundle is copied into the data directory's {@code deploy/} folder before the platform starts, so the
 * platform installs it as an operator's drop-in would; wait for its module with
 * {@code GET /api/v1/platform/modules} (state {@code ACTIVE}) before using it.
 */
public final class RunningPlatform implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    /** System property: seconds to wait for /health (default 120: generous for a busy 2-core machine; a hang still fails). */
    public static final String STARTUP_TIMEOUT_PROPERTY = "samenredzaam.startup.timeout";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    static final int LOG_TAIL_LINES = 60;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Platforms still running when the test JVM exits (a crashed test, a missing stop) are killed with it. */
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CHILDREN.forEach(RunningPlatform::killTree),
                "running-platform-cleanup"));
    }

    private final Builder config;
    private final Path logFile;
    private final Path dataDir;
    private final int port;
    private final URI baseUri;
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private HttpJson http;
    private Process process;

    /** For {@code @ExtendWith(RunningPlatform.class)}: the defaults of {@link #builder()}. */
    public RunningPlatform() {
        this(new Builder());
    }

    private RunningPlatform(Builder config) {
        this.config = config;
        try {
            Path target = Files.createDirectories(Path.of("target"));
            String name = config.name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
            this.logFile = Files.createDirectories(target.resolve("platform-logs")).resolve(name + ".log")
                    .toAbsolutePath();
            this.dataDir = config.dataDir != null ? config.dataDir.toAbsolutePath()
                    : Files.createTempDirectory(Files.createDirectories(target.resolve("platform-data")), name + "-")
                            .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = config.port > 0 ? config.port : freePort();
        this.baseUri = URI.create("http://127.0.0.1:" + port);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the platform and waits until {@code GET /health} answers 200.
     *
     * @throws AssertionError with the log tail when the process exits first or the wait times out
     */
    public synchronized RunningPlatform start() {
        if (isRunning()) {
            throw new IllegalStateException("already running: " + baseUri);
        }
        deployBundles();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(config.jvmArgs);
        command.add("-jar");
        command.add(config.jar().toString());
        command.addAll(List.of("--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        if (config.demo) {
            command.add("--demo");
        }
        command.addAll(config.args);

        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("SAMENREDZAAM_"));
        pb.environment().putAll(config.env);
        try {
            Files.createDirectories(dataDir); // a dataDir(...) of the test's choosing need not exist yet
            Files.writeString(logFile, "### " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = pb.start();
            CHILDREN.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Eventually.within(config.startupTimeout).until(this::healthy,
                () -> (process.isAlive() ? "GET " + config.healthPath + " answered 200"
                        : "the platform exited with code " + process.exitValue() + " before " + config.healthPath
                                + " answered 200")
                        + "\n--- last lines of " + logFile + " ---\n" + logTail(LOG_TAIL_LINES));
        return this;
    }

    /** Stops with SIGTERM (an orderly shutdown) and waits; returns the exit code. */
    public synchronized int stop() {
        if (process == null) {
            return 0;
        }
        process.destroy();
        return awaitExit(process);
    }

    /**
     * Stops with SIGKILL ({@code kill -9}): a crash, no shutdown hooks; returns the exit code. Kills the JVM that runs
     * the platform as well as the one {@code java -jar} started, when they are two (the launcher's TunedJvm).
     */
    public synchronized int kill() {
        if (process == null) {
            return 0;
        }
        killTree(process);
        return awaitExit(process);
    }

    /** SIGKILL to the process and everything it started, children first; waits until they are gone. */
    private static void killTree(Process p) {
        List<ProcessHandle> started = p.descendants().toList();
        started.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        for (ProcessHandle h : started) {
            try {
                h.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // gone or stuck in the kernel: nothing more a test can do
            }
        }
    }

    /** Stops (SIGTERM) and starts again on the same port and data directory: the data must survive. */
    public synchronized RunningPlatform restart() {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The child's stdout and stderr, appended across restarts. */
    public Path logFile() {
        return logFile;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    /**
     * The process id of the JVM that runs the platform: the one {@code java -jar} started, or the JVM it started the
     * platform in (the launcher's TunedJvm), for {@code jcmd} and {@code /proc}.
     */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** The process id of the JVM that {@code java -jar} started (the same as {@link #pid()} when it is one JVM). */
    public synchronized long launcherPid() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.pid();
    }

    /** A client for this platform; one session (cookie jar) shared by the test class. */
    public synchronized HttpJson http() {
        if (http == null) {
            http = new HttpJson(baseUri);
        }
        return http;
    }

    /** The last {@code lines} lines of the log file. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }

    /** The whole log so far. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the platform jar with exactly these arguments (no port or data directory added) in a fresh working
     * directory, and waits for it to exit: for command-line behaviour such as {@code --help} or a bad option.
     *
     * @throws AssertionError if it does not exit within {@code timeout} (it is killed then)
     */
    public static ProcessResult run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                PlatformJar.locate().toString()));
        command.addAll(List.of(args));
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target", "platform-data")), "run-");
            Path out = work.resolve("output.log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("SAMENREDZAAM_"));
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                p.waitFor();
                throw new AssertionError("Still running after " + timeout.toMillis() + " ms: " + command + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new ProcessResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The exit code and the combined stdout/stderr of {@link #run}. */
    public record ProcessResult(int exitCode, String output) {
    }

    // --- JUnit 5 extension -------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isRunning()) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningPlatform.class || type == HttpJson.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPlatform.class ? this : http();
    }

    // --- internals -----------------------------------------------------------------------------------

    /** Copies the builder's bundles into {@code <data-dir>/deploy}, where the platform's FileInstall picks them up. */
    private void deployBundles() {
        if (config.bundles.isEmpty()) {
            return;
        }
        try {
            Path deploy = Files.createDirectories(dataDir.resolve("deploy"));
            for (Path bundle : config.bundles) {
                Files.copy(bundle, deploy.resolve(bundle.getFileName().toString()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the bundles into " + dataDir.resolve("deploy"), e);
        }
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new AssertionError("the platform exited with code " + process.exitValue() + " during start-up"
                    + "\n--- last lines of " + logFile + " ---\n" + logTail(LOG_TAIL_LINES));
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(config.healthPath))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return probe.send(request, BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private int awaitExit(Process p) {
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(p);
                p.waitFor();
            }
            CHILDREN.remove(p);
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(p);
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How to start the platform. */
    public static final class Builder {
        private String name = "platform";
        private boolean demo;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<Path> bundles = new ArrayList<>();
        private Path jar;
        private Path dataDir;
        private int port;
        private String healthPath = "/health";
        private Duration startupTimeout = Duration.ofSeconds(Long.getLong(STARTUP_TIMEOUT_PROPERTY, 120));

        private Builder() {
        }

        /** Names the log file and data directory (e.g. the test class). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Start with {@code --demo}. */
        public Builder demo() {
            this.demo = true;
            return this;
        }

        /** An environment variable for the platform (e.g. {@code SAMENREDZAAM_DB_URL}). */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** More launcher arguments, after {@code --port} and {@code --data-dir}. */
        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** JVM options (e.g. {@code -Xmx256m}). */
        public Builder jvmArgs(String... more) {
            jvmArgs.addAll(List.of(more));
            return this;
        }

        /**
         * A bundle (e.g. the module under test, {@code target/<artifactId>-<version>.jar}) to install with the
         * platform: copied into {@code <data-dir>/deploy} before every start.
         *
         * @throws IllegalArgumentException when the file does not exist
         */
        public Builder bundle(Path bundle) {
            if (!Files.isRegularFile(bundle)) {
                throw new IllegalArgumentException("no bundle at " + bundle.toAbsolutePath());
            }
            bundles.add(bundle.toAbsolutePath());
            return this;
        }

        /** The jar to run; default {@link PlatformJar#locate()}. */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /** Use this data directory instead of a fresh one (e.g. to start on data an older version wrote). */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** A fixed port instead of a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The path that must answer 200 before the platform counts as started (default {@code /health}). */
        public Builder healthPath(String path) {
            this.healthPath = path;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public RunningPlatform build() {
            return new RunningPlatform(this);
        }

        Path jar() {
            return jar != null ? jar : PlatformJar.locate();
        }
    }
}
