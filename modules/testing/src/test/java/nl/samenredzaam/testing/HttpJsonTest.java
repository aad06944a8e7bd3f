package nl.samenredzaam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class HttpJsonTest {

    static HttpServer server;
    static HttpJson http;

    /** Echoes method, path, content type, authorization and body back as JSON. */
    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", HttpJsonTest::echo);
        server.createContext("/text", ex -> respond(ex, 200, "text/plain", "hallo"));
        server.createContext("/problem", ex -> respond(ex, 404, "application/problem+json; charset=utf-8",
                "{\"title\":\"Niet gevonden\",\"status\":404}"));
        server.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/text");
            respond(ex, 303, "text/plain", "");
        });
        server.createContext("/set-cookie", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/");
            respond(ex, 204, "text/plain", "");
        });
        server.start();
        http = new HttpJson(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    static void echo(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, Object> echo = Map.of(
                "method", ex.getRequestMethod(),
                "path", ex.getRequestURI().getPath(),
                "contentType", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")),
                "authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
                "cookie", String.valueOf(ex.getRequestHeaders().getFirst("Cookie")),
                "body", body);
        respond(ex, 200, "application/json", HttpJson.MAPPER.writeValueAsString(echo));
    }

    static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void getParsesJson() {
        JsonResponse r = http.get("/echo/x");
        assertEquals(200, r.status());
        assertEquals("application/json", r.contentType());
        assertEquals("GET", r.json().get("method").asText());
        assertEquals("/echo/x", r.json().get("path").asText());
    }

    @Test
    void postSendsObjectsAsJson() {
        JsonResponse r = http.post("/echo", Map.of("naam", "Koffieochtend"));
        assertEquals("POST", r.json().get("method").asText());
        assertEquals("application/json", r.json().get("contentType").asText());
        assertEquals("{\"naam\":\"Koffieochtend\"}", r.json().get("body").asText());
    }

    @Test
    void putDeleteAndPatch() {
        assertEquals("PUT", http.put("/echo", "{}").json().get("method").asText());
        assertEquals("DELETE", http.delete("/echo").json().get("method").asText());
        assertEquals("PATCH", http.patch("/echo", Map.of()).json().get("method").asText());
    }

    @Test
    void bearerTokenIsSent() {
        JsonResponse r = http.withBearer("t0k3n").get("/echo");
        assertEquals("Bearer t0k3n", r.json().get("authorization").asText());
        assertEquals("null", http.get("/echo").json().get("authorization").asText(), "the original client is unchanged");
    }

    @Test
    void formIsUrlEncoded() {
        JsonResponse r = http.postForm("/echo", Map.of("naam", "Jan & Piet"));
        assertEquals("application/x-www-form-urlencoded", r.json().get("contentType").asText());
        assertEquals("naam=Jan+%26+Piet", r.json().get("body").asText());
    }

    @Test
    void problemJsonIsParsed() {
        JsonResponse r = http.get("/problem");
        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.contentType());
        assertEquals("Niet gevonden", r.json().get("title").asText());
    }

    @Test
    void textIsNotParsed() {
        JsonResponse r = http.get("/text");
        assertFalse(r.isJson());
        assertNull(r.json());
        assertEquals("hallo", r.body());
    }

    @Test
    void redirectsAreNotFollowed() {
        JsonResponse r = http.get("/redirect");
        assertEquals(303, r.status());
        assertEquals("/text", r.header("location").orElseThrow());
    }

    @Test
    void cookiesStayWithTheirSession() {
        HttpJson browser = http.newSession();
        browser.get("/set-cookie");
        assertTrue(browser.get("/echo").json().get("cookie").asText().contains("session=abc"));
        assertEquals("null", http.newSession().get("/echo").json().get("cookie").asText());
    }
}
