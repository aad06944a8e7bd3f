package nl.samenredzaam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LaunchOptionsTest {

    @Test
    void defaults() throws Exception {
        LaunchOptions o = LaunchOptions.parse();
        Path data = Path.of("data").toAbsolutePath().normalize();
        assertEquals(8080, o.port());
        assertFalse(o.portGiven());
        assertEquals(data, o.dataDir());
        assertEquals(data.resolve("deploy"), o.deployDir());
        assertFalse(o.demo());
        assertFalse(o.help());
    }

    @Test
    void allOptionsWithSeparateValues() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--port", "9090", "--data-dir", "/tmp/sr", "--deploy-dir", "/tmp/drop",
                "--demo");
        assertEquals(9090, o.port());
        assertTrue(o.portGiven());
        assertEquals(Path.of("/tmp/sr"), o.dataDir());
        assertEquals(Path.of("/tmp/drop"), o.deployDir());
        assertTrue(o.demo());
    }

    @Test
    void valuesAfterEqualsSign() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--port=1234", "--data-dir=/tmp/a/../b");
        assertEquals(1234, o.port());
        assertEquals(Path.of("/tmp/b"), o.dataDir());
        assertEquals(Path.of("/tmp/b/deploy"), o.deployDir(), "deploy dir follows the data dir");
    }

    @Test
    void relativeDirectoriesBecomeAbsolute() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--data-dir", "x/y", "--deploy-dir", "z");
        assertTrue(o.dataDir().isAbsolute());
        assertTrue(o.deployDir().isAbsolute());
        assertEquals(Path.of("z").toAbsolutePath().normalize(), o.deployDir());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void help(String flag) throws Exception {
        assertTrue(LaunchOptions.parse(flag).help());
    }

    @Test
    void unknownOptionIsRejectedInBothLanguages() {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse("--poort", "80"));
        assertTrue(e.getMessage().contains("Onbekende optie: --poort"), e.getMessage());
        assertTrue(e.getMessage().contains("Unknown option: --poort"), e.getMessage());
    }

    @Test
    void strayArgumentIsRejected() {
        assertThrows(UsageException.class, () -> LaunchOptions.parse("start"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "65536", "80.5", ""})
    void malformedPortIsRejected(String value) {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse("--port=" + value));
        assertTrue(e.getMessage().contains("65535"), e.getMessage());
    }

    @Test
    void missingValueIsRejected() {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse("--port"));
        assertTrue(e.getMessage().contains("expects a value"), e.getMessage());
        assertThrows(UsageException.class, () -> LaunchOptions.parse("--data-dir", "--demo"));
    }

    @Test
    void blankDirectoryIsRejected() {
        assertThrows(UsageException.class, () -> LaunchOptions.parse("--data-dir="));
        assertThrows(UsageException.class, () -> LaunchOptions.parse("--deploy-dir", " "));
    }

    @Test
    void flagWithValueIsRejected() {
        assertThrows(UsageException.class, () -> LaunchOptions.parse("--demo=yes"));
    }

    @Test
    void optionGivenTwiceIsRejected() {
        UsageException e = assertThrows(UsageException.class, () -> LaunchOptions.parse("--port", "1", "--port=2"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
}
