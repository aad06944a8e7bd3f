package nl.samenredzaam.testing;

import java.net.http.HttpHeaders;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP answer as a test sees it.
 *
 * @param status  the status code
 * @param body    the body as text (empty when there is none)
 * @param json    the body parsed as JSON when the content type is JSON ({@code application/json},
 *                {@code application/problem+json}, ...) and the body is not empty; otherwise {@code null}
 * @param headers the response headers
 */
public record JsonResponse(int status, String body, JsonNode json, HttpHeaders headers) {

    /** The first value of a header, if present (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The content type without parameters, lower case; empty when absent. */
    public String contentType() {
        return header("Content-Type").map(t -> t.split(";", 2)[0].trim().toLowerCase()).orElse("");
    }

    public boolean isJson() {
        return json != null;
    }

    @Override
    public String toString() {
        String shown = body.length() > 500 ? body.substring(0, 500) + "..." : body;
        return "HTTP " + status + " " + contentType() + " " + shown;
    }
}
