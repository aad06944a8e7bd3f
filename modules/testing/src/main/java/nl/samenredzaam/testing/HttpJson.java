package nl.samenredzaam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A small HTTP/JSON client for tests, on {@code java.net.http} and Jackson. Paths are resolved against a base URI;
 * redirects are not followed (tests assert on them); each client keeps its own cookies (one client = one browser
 * session). Instances are immutable: {@link #withBearer(String)} and {@link #withHeader(String, String)} return a new
 * client sharing the connection pool and cookies.
 *
 * <pre>{@code
 * HttpJson api = new HttpJson(platform.baseUri()).withBearer(token);
 * JsonResponse r = api.post("/api/v1/buurt/activities", Map.of("title", "Koffieochtend"));
 * assertEquals(201, r.status());
 * assertEquals("Koffieochtend", r.json().get("title").asText());
 * }</pre>
 */
public final class HttpJson {

    /** One mapper for all tests: ISO dates, no failure on empty beans. */
    public static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> headers;

    public HttpJson(URI base) {
        this(base, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build(), Map.of());
    }

    private HttpJson(URI base, HttpClient client, Map<String, String> headers) {
        this.base = base;
        this.client = client;
        this.headers = Map.copyOf(headers);
    }

    public URI base() {
        return base;
    }

    /** A client that sends {@code Authorization: Bearer <token>} with every request. */
    public HttpJson withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** A client that sends this header with every request (replacing an earlier value). */
    public HttpJson withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpJson(base, client, h);
    }

    /** A client with a fresh cookie jar and no extra headers: another browser. */
    public HttpJson newSession() {
        return new HttpJson(base);
    }

    public JsonResponse get(String path) {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    /** POSTs {@code body} as JSON (a String is sent as is, anything else through Jackson). */
    public JsonResponse post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public JsonResponse put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    public JsonResponse patch(String path, Object body) {
        return send("PATCH", path, json(body), "application/json");
    }

    public JsonResponse delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody(), null);
    }

    /** POSTs an HTML form ({@code application/x-www-form-urlencoded}). */
    public JsonResponse postForm(String path, Map<String, String> fields) {
        String encoded = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, BodyPublishers.ofString(encoded), "application/x-www-form-urlencoded");
    }

    /** Any method, any body; {@code contentType} may be null when there is no body. */
    public JsonResponse send(String method, String path, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json, */*;q=0.5")
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return toResponse(response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + resolve(path) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    URI resolve(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return URI.create(path);
        }
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + (path.startsWith("/") ? path : "/" + path));
    }

    private static BodyPublisher json(Object body) {
        try {
            String text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
            return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + body, e);
        }
    }

    private static JsonResponse toResponse(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
        JsonNode json = null;
        if (!body.isBlank() && (type.contains("/json") || type.contains("+json"))) {
            try {
                json = MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("HTTP " + response.statusCode() + " says " + type
                        + " but the body is not JSON: " + body, e);
            }
        }
        return new JsonResponse(response.statusCode(), body, json, response.headers());
    }
}
