package nl.samenredzaam.api.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler answers. Create one with the static factories; the platform writes it, adding
 * the security headers, the initiative's page layout for {@link #page pages} and the JSON
 * encoding for {@link #json JSON}.
 */
public final class WebResponse {

    /** How the platform writes the body. */
    public enum Type {
        JSON, PAGE, BYTES, REDIRECT, EMPTY
    }

    private final Type type;
    private final int status;
    private final Object body;
    private final String title;
    private final String contentType;
    private final Map<String, String> headers;

    private WebResponse(Type type, int status, Object body, String title, String contentType, Map<String, String> headers) {
        this.type = type;
        this.status = status;
        this.body = body;
        this.title = title;
        this.contentType = contentType;
        this.headers = headers;
    }

    /** 200 with the object as JSON (Jackson). */
    public static WebResponse json(Object body) {
        return json(200, body);
    }

    public static WebResponse json(int status, Object body) {
        return new WebResponse(Type.JSON, status, body, null, "application/json", new LinkedHashMap<>());
    }

    /** 201 with a {@code Location} header and the created object as JSON. */
    public static WebResponse created(String location, Object body) {
        return json(201, body).header("Location", location);
    }

    /** A page: the content is placed in the initiative's layout with the title as heading and tab title. */
    public static WebResponse page(String title, Html content) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        return new WebResponse(Type.PAGE, 200, content, title, "text/html;charset=UTF-8", new LinkedHashMap<>());
    }

    /** 303 See Other: the answer to a form post (post/redirect/get). */
    public static WebResponse redirect(String location) {
        return new WebResponse(Type.REDIRECT, 303, null, null, null, new LinkedHashMap<>()).header("Location", location);
    }

    /** Raw bytes, e.g. a PDF or an iCalendar file. */
    public static WebResponse bytes(String contentType, byte[] bytes) {
        return new WebResponse(Type.BYTES, 200, bytes.clone(), null, contentType, new LinkedHashMap<>());
    }

    public static WebResponse text(String contentType, String text) {
        return bytes(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** 204 No Content. */
    public static WebResponse noContent() {
        return new WebResponse(Type.EMPTY, 204, null, null, null, new LinkedHashMap<>());
    }

    /** The same response with another status. */
    public WebResponse status(int newStatus) {
        return new WebResponse(type, newStatus, body, title, contentType, new LinkedHashMap<>(headers));
    }

    /** Adds a header (not for Set-Cookie or the security headers, which the platform owns). */
    public WebResponse header(String name, String value) {
        headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    /** Offers the body as a download with this file name. */
    public WebResponse attachment(String filename) {
        return header("Content-Disposition", "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    }

    public Type type() {
        return type;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body instanceof byte[] b ? b.clone() : body;
    }

    public String title() {
        return title;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
