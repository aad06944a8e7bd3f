package nl.samenredzaam.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Session;

/**
 * One HTTP request and its response, with what the platform works out once: path segments,
 * language, the signed-in account (bearer token or session cookie) and the body (size-limited).
 */
final class Exchange {

    static final String SESSION_COOKIE = "SR_SESSION";
    static final String LANG_COOKIE = "SR_LANG";

    final HttpServletRequest request;
    final HttpServletResponse response;
    final List<String> segments;
    private final IdentityService identity;
    private final long bodyLimit;
    private Locale locale;
    private byte[] body;
    private Optional<Session> session;
    private Optional<Account> account;
    private boolean viaToken;
    private Map<String, List<String>> form;

    Exchange(HttpServletRequest request, HttpServletResponse response, IdentityService identity, long bodyLimit) {
        this.request = request;
        this.response = response;
        this.identity = identity;
        this.bodyLimit = bodyLimit;
        String uri = request.getRequestURI();
        this.segments = decode(RoutePattern.split(uri));
    }

    private static List<String> decode(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        for (String s : raw) {
            out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    boolean isApi() {
        return !segments.isEmpty() && segments.get(0).equals("api");
    }

    Locale locale() {
        if (locale == null) {
            // from the query string only: getParameter would read (and use up) a form body
            String lang = queryParameter("lang");
            if (lang == null) {
                lang = cookie(LANG_COOKIE).orElse(null);
            }
            locale = "en".equals(lang) ? Locale.ENGLISH : Text.DUTCH;
        }
        return locale;
    }

    /** A parameter of the URL's query string, without touching the request body. */
    String queryParameter(String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    Optional<String> cookie(String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(name)).map(Cookie::getValue).findFirst();
    }

    /** The session from the cookie, if valid. */
    Optional<Session> session() {
        if (session == null) {
            session = cookie(SESSION_COOKIE).filter(v -> v.length() < 200).flatMap(identity::session);
        }
        return session;
    }

    /** The signed-in account: a bearer token wins over the session cookie. */
    Optional<Account> account() {
        if (account == null) {
            String auth = request.getHeader("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                viaToken = true;
                account = identity.accountForToken(auth.substring(7).trim());
                if (account.isEmpty()) {
                    throw new ProblemException(401, "Het token is ongeldig of verlopen / the token is invalid or expired");
                }
            } else {
                account = session().map(Session::account);
            }
        }
        return account;
    }

    /** Whether the caller authenticated with a bearer token (no CSRF check needed). */
    boolean viaToken() {
        account();
        return viaToken;
    }

    byte[] body() {
        if (body == null) {
            long declared = request.getContentLengthLong();
            if (declared > bodyLimit) {
                throw new ProblemException(413, "Het verzoek is te groot / the request body is too large");
            }
            try (InputStream in = request.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
                byte[] buffer = new byte[8192];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > bodyLimit) {
                        throw new ProblemException(413, "Het verzoek is te groot / the request body is too large");
                    }
                    out.write(buffer, 0, n);
                }
                body = out.toByteArray();
            } catch (IOException e) {
                throw ProblemException.badRequest("De body kon niet worden gelezen / the body could not be read");
            }
        }
        return body;
    }

    /**
     * Reads and drops a body nobody read (an answer given before the handler looked at it, such as
     * a 403), up to the size limit, so that the connection can serve the client's next request
     * instead of being closed under it.
     */
    void drainUnreadBody() {
        if (body != null || request.getContentLengthLong() == 0) {
            return;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while (total <= bodyLimit && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // the container will close the connection instead
        }
        body = new byte[0];
    }

    /** Form fields of an urlencoded body (read once). */
    Map<String, List<String>> form() {
        if (form == null) {
            form = new LinkedHashMap<>();
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                String text = new String(body(), StandardCharsets.UTF_8);
                for (String pair : text.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
        }
        return form;
    }

    Optional<String> formField(String name) {
        List<String> values = form().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        String v = values.get(0).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    String remoteAddress() {
        return request.getRemoteAddr();
    }

    boolean secure() {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    /** What a Host header may contain: a name or address and a port, nothing to smuggle into a URL. */
    private static final java.util.regex.Pattern SAFE_HOST = java.util.regex.Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");

    private String baseUrl;

    /**
     * The scheme and host of this request, e.g. {@code https://dorpszorg.example}. Computed once per request: a
     * calendar month lists hundreds of absolute URLs, and checking the Host header for each showed up as 10–30 % of
     * the CPU in the wrk profile (docs/performance.md).
     */
    String baseUrl() {
        String base = baseUrl;
        if (base == null) {
            String scheme = secure() ? "https" : "http";
            String host = request.getHeader("Host");
            if (host == null || !SAFE_HOST.matcher(host).matches()) {
                host = request.getServerName() + ":" + request.getServerPort();
            }
            base = scheme + "://" + host;
            baseUrl = base;
        }
        return base;
    }

    static void requireMethod(Exchange ex, String... allowed) {
        for (String m : allowed) {
            if (m.equals(ex.method())) {
                return;
            }
        }
        ex.response.setHeader("Allow", String.join(", ", allowed));
        throw new ProblemException(405, "Deze methode kan hier niet / method not allowed here");
    }

    HttpServletResponse response() {
        return response;
    }

    @Override
    public String toString() {
        return HttpServletResponse.class.getSimpleName() + " " + method() + " " + request.getRequestURI();
    }
}
