package nl.samenredzaam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int prepare(String... args) {
        return Main.prepare(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownArgumentExitsWithTwo() {
        assertEquals(2, prepare("--bogus"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("Unknown option: --bogus"), message);
        assertTrue(message.contains("--help"), message);
    }

    @Test
    void helpPrintsBothLanguagesAndExitsWithZero() {
        assertEquals(0, prepare("--help"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Gebruik: java -jar samenredzaam.jar"), text);
        assertTrue(text.contains("Usage: java -jar samenredzaam.jar"), text);
    }

    @Test
    void portInUseExitsWithOneBeforeStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertEquals(1, prepare("--port", Integer.toString(taken.getLocalPort()), "--data-dir", tmp.toString()));
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("al in gebruik"), message);
        assertTrue(message.contains("already in use"), message);
    }

    @Test
    void unusableDataDirExitsWithOne() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertEquals(1, prepare("--data-dir", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Cannot prepare the data directory"));
    }
}
