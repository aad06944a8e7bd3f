package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.web.ProblemException;

class MultipartTest {

    private static final String TYPE = "multipart/form-data; boundary=----abc123";

    private static byte[] body(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("------abc123\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken-1\r\n"
                + "------abc123\r\nContent-Disposition: form-data; name=\"kleur\"\r\n\r\n#1d5b8f\r\n"
                + "------abc123\r\nContent-Disposition: form-data; name=\"adres\"\r\n\r\nDorpsstraat 1, Lindeholt – één\r\n"
                + "------abc123\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n------abc123--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void readsFieldsAndFiles() {
        byte[] file = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, '-', '-', (byte) 0xff};
        Map<String, Multipart.Part> parts = Multipart.parse(TYPE, body(file));
        assertEquals("token-1", parts.get("_csrf").text());
        assertEquals("#1d5b8f", parts.get("kleur").text());
        assertEquals("Dorpsstraat 1, Lindeholt – één", parts.get("adres").text());
        assertFalse(parts.get("kleur").isFile());
        Multipart.Part logo = parts.get("logo");
        assertTrue(logo.isFile());
        assertEquals("logo.png", logo.filename());
        assertEquals("image/png", logo.contentType());
        assertArrayEquals(file, logo.data());
    }

    @Test
    void quotedBoundary() {
        String body = "--x y\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x y--\r\n";
        assertEquals("1", Multipart.parse("multipart/form-data; boundary=\"x y\"", body.getBytes(StandardCharsets.UTF_8)).get("a").text());
    }

    @Test
    void brokenBodiesAreBadRequests() {
        assertEquals(400, assertThrows(ProblemException.class, () -> Multipart.parse("multipart/form-data", new byte[0])).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> Multipart.parse(TYPE, "no delimiter here".getBytes(StandardCharsets.UTF_8))).status());
        assertEquals(400, assertThrows(ProblemException.class,
                () -> Multipart.parse(TYPE, "------abc123\r\nContent-Disposition: form-data; name=\"a\"\r\n".getBytes(StandardCharsets.UTF_8)))
                .status());
    }
}
