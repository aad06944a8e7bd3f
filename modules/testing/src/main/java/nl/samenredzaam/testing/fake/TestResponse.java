package nl.samenredzaam.testing.fake;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;

/**
 * The answer of a handler called through {@link FakeWebRequest#call}: either the
 * {@link WebResponse} it returned or the problem it threw, with accessors for what a test checks.
 * {@link #expectStatus(int)} fails with the body in the message, which saves a debugging round.
 */
public final class TestResponse {

    private final WebResponse response;
    private final ProblemException problem;
    private final Map<String, String> problemHeaders;

    private TestResponse(WebResponse response, ProblemException problem, Map<String, String> problemHeaders) {
        this.response = response;
        this.problem = problem;
        this.problemHeaders = Map.copyOf(problemHeaders);
    }

    /** The answer a handler returned. */
    public static TestResponse of(WebResponse response) {
        return new TestResponse(Objects.requireNonNull(response, "the handler returned null"), null, Map.of());
    }

    /** The answer to a problem a handler threw. */
    public static TestResponse problem(ProblemException problem) {
        return problem(problem, Map.of());
    }

    /** The answer to a problem with headers the platform adds (such as {@code Allow} for a 405). */
    public static TestResponse problem(ProblemException problem, Map<String, String> headers) {
        return new TestResponse(null, Objects.requireNonNull(problem, "problem"), headers);
    }

    /** The HTTP status. */
    public int status() {
        return problem != null ? problem.status() : response.status();
    }

    /** Fails unless the status is {@code expected}; returns this for more checks. */
    public TestResponse expectStatus(int expected) {
        if (status() != expected) {
            throw new AssertionError("expected status " + expected + " but got " + this);
        }
        return this;
    }

    /** Whether the handler threw a {@link ProblemException}. */
    public boolean isProblem() {
        return problem != null;
    }

    /** The problem, if the handler threw one. */
    public Optional<ProblemException> problem() {
        return Optional.ofNullable(problem);
    }

    /** The problem's field errors (field name to message); empty for other answers. */
    public Map<String, String> fieldErrors() {
        return problem == null ? Map.of() : problem.fieldErrors();
    }

    /** The response the handler returned, if it returned one. */
    public Optional<WebResponse> response() {
        return Optional.ofNullable(response);
    }

    /** The kind of body; {@code null} for a problem. */
    public WebResponse.Type type() {
        return response == null ? null : response.type();
    }

    /** The headers the handler set, or the platform for a problem (names compared without regard to case). */
    public Map<String, String> headers() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response != null) {
            headers.putAll(response.headers());
        }
        headers.putAll(problemHeaders);
        return headers;
    }

    /** One header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers().get(name));
    }

    /** The {@code Location} of a redirect or a created resource. */
    public String location() {
        return header("Location").orElseThrow(() -> new AssertionError("no Location header in " + this));
    }

    /** A page's title. */
    public String title() {
        requireType(WebResponse.Type.PAGE);
        return response.title();
    }

    /** A page's content (the fragment the layout wraps). */
    public String html() {
        requireType(WebResponse.Type.PAGE);
        return ((Html) response.body()).value();
    }

    /** A JSON answer as the platform would write it, as a tree. */
    public JsonNode json() {
        requireType(WebResponse.Type.JSON);
        return TestJson.MAPPER.valueToTree(response.body());
    }

    /** A JSON answer as the platform would write it, read back into {@code type}. */
    public <T> T json(Class<T> type) {
        requireType(WebResponse.Type.JSON);
        try {
            return TestJson.MAPPER.readValue(TestJson.write(response.body()), type);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read the answer as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The object the handler gave to {@code WebResponse.json(...)}. */
    public Object jsonBody() {
        requireType(WebResponse.Type.JSON);
        return response.body();
    }

    /** A bytes answer as UTF-8 text. */
    public String text() {
        requireType(WebResponse.Type.BYTES);
        return new String((byte[]) response.body(), StandardCharsets.UTF_8);
    }

    /** A bytes answer. */
    public byte[] bytes() {
        requireType(WebResponse.Type.BYTES);
        return (byte[]) response.body();
    }

    /** The content type the handler set; {@code application/problem+json} for a problem. */
    public String contentType() {
        return problem != null ? "application/problem+json" : response.contentType();
    }

    private void requireType(WebResponse.Type wanted) {
        if (response == null || response.type() != wanted) {
            throw new AssertionError("expected a " + wanted + " answer but got " + this);
        }
    }

    @Override
    public String toString() {
        if (problem != null) {
            return "problem " + problem.status() + " " + problem.detail() + (problem.fieldErrors().isEmpty() ? "" : " " + problem.fieldErrors());
        }
        String body = switch (response.type()) {
            case PAGE -> response.title() + ": " + abbreviate(((Html) response.body()).value());
            case JSON -> abbreviate(new String(TestJson.write(response.body()), StandardCharsets.UTF_8));
            case BYTES -> abbreviate(new String((byte[]) response.body(), StandardCharsets.UTF_8));
            case REDIRECT -> "-> " + response.headers().get("Location");
            case EMPTY -> "(empty)";
        };
        return response.status() + " " + response.type() + " " + body;
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
