package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;

/** Writes answers: JSON, pages in the layout, bytes, redirects, and every error in one shape. */
final class Responses {

    private final Shell shell;

    Responses(Shell shell) {
        this.shell = shell;
    }

    /** Headers on every response (ASVS V14): no inline script, no framing, no sniffing. */
    static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        resp.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    }

    void write(Exchange ex, WebResponse answer, Shell.Context context) throws IOException {
        HttpServletResponse resp = ex.response;
        resp.setStatus(answer.status());
        answer.headers().forEach(resp::setHeader);
        switch (answer.type()) {
            case JSON -> body(resp, "application/json", Json.write(answer.body()));
            case PAGE -> {
                resp.setHeader("Cache-Control", "no-store");
                String html = shell.page(ex, context, answer.title(), (Html) answer.body());
                body(resp, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
            }
            case BYTES -> body(resp, answer.contentType(), (byte[]) answer.body());
            case REDIRECT, EMPTY -> resp.setContentLength(0);
            default -> throw new IllegalStateException();
        }
    }

    static void json(Exchange ex, int status, Object body) throws IOException {
        ex.response.setStatus(status);
        body(ex.response, "application/json", Json.write(body));
    }

    /** An error: problem+json for the API (RFC 9457), an error page in the layout otherwise. */
    void problem(Exchange ex, ProblemException problem, Shell.Context context) throws IOException {
        HttpServletResponse resp = ex.response;
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        if (problem.status() == 413) {
            // the oversized body stays unread: tell the client not to reuse this connection
            resp.setHeader("Connection", "close");
        } else {
            ex.drainUnreadBody();
        }
        resp.setStatus(problem.status());
        if (problem.status() == 401 && ex.isApi()) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"samenredzaam\"");
        }
        if (ex.isApi() || context == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", title(problem.status()));
            body.put("status", problem.status());
            body.put("detail", problem.detail());
            body.put("instance", ex.request.getRequestURI());
            if (!problem.fieldErrors().isEmpty()) {
                body.put("errors", problem.fieldErrors());
            }
            body(resp, "application/problem+json", Json.write(body));
        } else {
            resp.setHeader("Cache-Control", "no-store");
            body(resp, "text/html;charset=UTF-8", shell.errorPage(ex, context, problem).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }

    private static void body(HttpServletResponse resp, String contentType, byte[] bytes) throws IOException {
        resp.setContentType(contentType);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
