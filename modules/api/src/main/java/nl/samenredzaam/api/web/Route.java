package nl.samenredzaam.api.web;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One page or API endpoint of a module. The path is relative to the module: a page route with
 * path {@code /activities/{id}} of module {@code calendar} answers at
 * {@code /{slug}/calendar/activities/42}; an API route at
 * {@code /api/v1/{slug}/calendar/activities/42}. Path parameters are written {@code {name}} and
 * match one segment.
 *
 * <p>Every route names the permission it needs; the platform checks it, together with the
 * initiative, before the handler runs. There is no route without a check: use
 * {@link nl.samenredzaam.api.module.Permission#PUBLIC} to say a route is public on purpose.
 *
 * @param method     HTTP method
 * @param path       {@code ""} or a path starting with {@code /}
 * @param kind       page (HTML in the initiative's layout) or API (JSON)
 * @param permission a permission id of the module, {@code public} or {@code member}
 * @param handler    the code that answers
 */
public record Route(Method method, String path, Kind kind, String permission, Handler handler) {

    /** What a route answers with, which decides how errors are shown. */
    public enum Kind {
        /** HTML; errors as an error page. */
        PAGE,
        /** JSON; errors as {@code application/problem+json}. */
        API
    }

    /** The HTTP methods routes can use. */
    public enum Method {
        GET, POST, PUT, PATCH, DELETE
    }

    private static final Pattern PATH = Pattern.compile("(/([a-z0-9._-]+|\\{[a-zA-Z][a-zA-Z0-9]*\\}))*");

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(handler, "handler");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("route path must be '' or like /a/{b}: " + path);
        }
    }

    public static Route page(Method method, String path, String permission, Handler handler) {
        return new Route(method, path, Kind.PAGE, permission, handler);
    }

    public static Route api(Method method, String path, String permission, Handler handler) {
        return new Route(method, path, Kind.API, permission, handler);
    }
}
