package nl.samenredzaam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunedJvmTest {

    private static final String[] ARGS = {"--port", "9090", "--demo"};

    @TempDir
    Path tmp;

    private Path javaHome;
    private Path jar;

    @BeforeEach
    void installation() throws Exception {
        javaHome = tmp.resolve("jdk");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertTrue(java.toFile().setExecutable(true));
        jar = Files.writeString(tmp.resolve("samenredzaam.jar"), "jar");
    }

    private Optional<List<String>> command(List<String> jvmArguments, Map<String, String> env, Properties system) {
        return TunedJvm.command(javaHome, jar, jvmArguments, env, system, 4242, ARGS);
    }

    private Optional<List<String>> plain() {
        return command(List.of(), Map.of(), new Properties());
    }

    @Test
    void aPlainJavaJarRunsThePlatformInATunedJvmWithTheSameArguments() {
        List<String> command = plain().orElseThrow();
        assertEquals(javaHome.resolve("bin/java").toString(), command.get(0));
        assertTrue(command.containsAll(TunedJvm.COMPILER_OPTIONS), command.toString());
        assertTrue(command.contains("-D" + TunedJvm.CHILD_OF + "=4242"), command.toString());
        assertEquals(List.of("-jar", jar.toString(), "--port", "9090", "--demo"),
                command.subList(command.size() - 5, command.size()));
    }

    @Test
    void theClassDataArchiveNextToTheJarIsUsedOnlyWhenItIsThere() throws Exception {
        assertFalse(plain().orElseThrow().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")));

        Path archive = Files.writeString(tmp.resolve("samenredzaam.jsa"), "archive");
        List<String> command = plain().orElseThrow();
        assertTrue(command.contains("-XX:SharedArchiveFile=" + archive), command.toString());
        assertTrue(command.indexOf("-XX:SharedArchiveFile=" + archive) < command.indexOf("-jar"));
    }

    @Test
    void theArchiveIsNamedAfterTheJar() {
        assertEquals(tmp.resolve("samenredzaam.jsa"), TunedJvm.archiveOf(tmp.resolve("samenredzaam.jar")));
        assertEquals(tmp.resolve("debug.jsa"), TunedJvm.archiveOf(tmp.resolve("debug.JAR")));
    }

    @Test
    void systemPropertiesGivenToJavaArePassedOnBeforeTheJar() {
        List<String> command = command(List.of("-Dsamenredzaam.start.trace=true"), Map.of(), new Properties())
                .orElseThrow();
        int property = command.indexOf("-Dsamenredzaam.start.trace=true");
        assertTrue(property > 0 && property < command.indexOf("-jar"), command.toString());
    }

    @Test
    void ownJvmOptionsMeanNoSecondJvm() {
        assertTrue(command(List.of("-Xmx512m"), Map.of(), new Properties()).isEmpty());
        assertTrue(command(List.of("-Dx=y", "-XX:+UseSerialGC"), Map.of(), new Properties()).isEmpty());
        assertTrue(command(List.of("-agentlib:jdwp=transport=dt_socket,server=y"), Map.of(), new Properties())
                .isEmpty());
    }

    @Test
    void theSwitchTurnsItOff() {
        assertTrue(command(List.of(), Map.of(TunedJvm.SWITCH, "off"), new Properties()).isEmpty());
        assertTrue(command(List.of(), Map.of(TunedJvm.SWITCH, "FALSE"), new Properties()).isEmpty());
        assertTrue(command(List.of(), Map.of(TunedJvm.SWITCH, "on"), new Properties()).isPresent());
    }

    @Test
    void theSecondJvmDoesNotStartAThird() {
        Properties child = new Properties();
        child.setProperty(TunedJvm.CHILD_OF, "4242");
        assertTrue(command(List.of(), Map.of(), child).isEmpty());
    }

    @Test
    void noJarOrNoJavaMeansNoSecondJvm() throws Exception {
        assertTrue(TunedJvm.command(javaHome, tmp, List.of(), Map.of(), new Properties(), 1, ARGS).isEmpty());
        assertTrue(TunedJvm.command(javaHome, null, List.of(), Map.of(), new Properties(), 1, ARGS).isEmpty());
        assertTrue(TunedJvm.command(tmp.resolve("nojdk"), jar, List.of(), Map.of(), new Properties(), 1, ARGS)
                .isEmpty());
    }

    @Test
    void theExitCodeOfTheSecondJvmIsTheExitCode() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(7, TunedJvm.run(List.of("sh", "-c", "exit 7"), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void aJavaThatCannotStartIsAnEnvironmentError() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TunedJvm.run(List.of(tmp.resolve("missing-java").toString()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_ENVIRONMENT, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Cannot start Java"), err.toString());
    }

    @Test
    void theWatchKeepsQuietWhileTheParentIsThere() throws Exception {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        Thread watch = TunedJvm.watchParent(parent, System.err);
        TimeUnit.MILLISECONDS.sleep(1200);
        assertTrue(watch.isAlive(), "the watch ended although the parent is alive");
        watch.interrupt();
        watch.join(2000);
        assertFalse(watch.isAlive());
    }
}
