package nl.samenredzaam.benchmarks.wrk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CeilingServerTest {

    static final byte[] PAGE = "<!doctype html><title>Kalender</title>".getBytes(StandardCharsets.UTF_8);
    static Server server;
    static URI base;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = CeilingServer.start(0, Map.of("page", new CeilingServer.Body(PAGE, "text/html;charset=utf-8")));
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void jsonIsASmallObjectWrittenPerRequest() throws Exception {
        HttpResponse<String> r = get("/json", BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.body().startsWith("{\"status\":\"UP\""), r.body());
    }

    @Test
    void aFileIsServedByteForByteWithItsContentType() throws Exception {
        HttpResponse<byte[]> r = get("/file/page", BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertArrayEquals(PAGE, r.body());
        assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(Integer.toString(PAGE.length), r.headers().firstValue("Content-Length").orElse(""));
    }

    @Test
    void anythingElseIs404SoTheSuiteCountsItAsAnError() throws Exception {
        assertEquals(404, get("/file/missing", BodyHandlers.discarding()).statusCode());
        assertEquals(404, get("/", BodyHandlers.discarding()).statusCode());
    }

    <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), handler);
    }
}
