package nl.samenredzaam.core.internal.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A statement with {@code :name} parameters turned into JDBC's {@code ?} form. Quoted strings,
 * quoted identifiers, comments and PostgreSQL casts ({@code ::}) are left alone. Parsed forms
 * are cached: statements are literals in code, so the cache stays small.
 */
record NamedSql(String jdbc, List<String> names) {

    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

    static NamedSql parse(String sql) {
        NamedSql cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        NamedSql parsed = doParse(sql);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(sql, parsed);
        }
        return parsed;
    }

    boolean uses(String name) {
        return names.contains(name);
    }

    private static NamedSql doParse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString(), List.copyOf(names));
    }
}
