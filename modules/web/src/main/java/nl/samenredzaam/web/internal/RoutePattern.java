package nl.samenredzaam.web.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A route path such as {@code /activities/{id}} matched segment by segment. */
record RoutePattern(List<String> segments) {

    static RoutePattern of(String path) {
        return new RoutePattern(split(path));
    }

    static List<String> split(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return List.of();
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return List.of(p.split("/", -1));
    }

    /** The path parameters when the segments match, else {@code null}. */
    Map<String, String> match(List<String> actual) {
        if (actual.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            String a = actual.get(i);
            if (s.startsWith("{")) {
                if (a.isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(s.substring(1, s.length() - 1), a);
            } else if (!s.equals(a)) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }
}
