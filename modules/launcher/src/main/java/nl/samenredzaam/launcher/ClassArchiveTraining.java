package nl.samenredzaam.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Build step (runtime/pom.xml): writes the class data archive {@code samenredzaam.jsa} next to
 * {@code samenredzaam.jar} that {@link TunedJvm} starts the platform with. Runs the jar once on an empty data directory
 * with {@code --demo}, as a newcomer's first start does, opens a few pages so the web layer's classes are loaded too,
 * and stops it with SIGTERM; the JVM writes every class it loaded into the archive as it exits
 * ({@code -XX:ArchiveClassesAtExit}, JDK 13+).
 * <p>
 * The jar must not change after this step: the JVM rejects an archive whose jar has another size or time stamp (the
 * platform then starts without it, slower). Usage: {@code ClassArchiveTraining <jar> <log file>}.
 */
public final class ClassArchiveTraining {

    private static final long START_TIMEOUT_SECONDS = 180;
    private static final long STOP_TIMEOUT_SECONDS = 120;
    /** Pages of the demo initiative whose classes a first visit loads. */
    static final List<String> PAGES = List.of("/health", "/", "/lindeholt/", "/lindeholt/calendar/",
            "/login", "/api/v1/platform/initiatives");

    private ClassArchiveTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ClassArchiveTraining <samenredzaam.jar> <log file>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path log = Path.of(args[1]).toAbsolutePath();
        Path archive = TunedJvm.archiveOf(jar);
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(partial);
        Path data = Files.createTempDirectory("samenredzaam-cds-");
        try {
            train(jar, partial, data, log);
            if (!Files.isRegularFile(partial)) {
                throw new IllegalStateException("the JVM wrote no class data archive; see " + log);
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("Class data archive: " + archive + " (" + Files.size(archive) / (1024 * 1024) + " MiB)");
        } finally {
            deleteTree(data);
        }
    }

    private static void train(Path jar, Path archive, Path data, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(TunedJvm.COMPILER_OPTIONS);
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--data-dir",
                data.toString(), "--demo"));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SAMENREDZAAM_"));
        builder.environment().put(TunedJvm.SWITCH, "off");
        builder.environment().put("SAMENREDZAAM_ADMIN_PASSWORD", "class-archive-training");
        Process platform = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
            while (status(port, "/health") != 200) {
                if (!platform.isAlive()) {
                    throw new IllegalStateException("the platform exited with " + platform.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the platform did not start in " + START_TIMEOUT_SECONDS
                            + " s; see " + log);
                }
                Thread.sleep(100);
            }
            for (String page : PAGES) {
                status(port, page);
            }
        } finally {
            platform.destroy();
            if (!platform.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                platform.destroyForcibly();
                throw new IllegalStateException("the platform did not stop in " + STOP_TIMEOUT_SECONDS + " s");
            }
        }
    }

    private static int status(int port, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(10_000);
            int code = c.getResponseCode();
            try (InputStream body = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (body != null) {
                    body.readAllBytes();
                }
            }
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
