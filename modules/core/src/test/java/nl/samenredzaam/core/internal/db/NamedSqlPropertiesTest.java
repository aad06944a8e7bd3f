package nl.samenredzaam.core.internal.db;

import java.util.Random;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;


/**
 * Properties of {@link NamedSql#parse}, over statements built from random pieces whose expected result is known:
 * plain text, {@code :name} parameters, PostgreSQL casts, and quoted strings, quoted identifiers and comments that
 * themselves contain {@code :name}-like text.
 */
class NamedSqlPropertiesTest {

    /** One piece of a statement, with what parsing must turn it into. */
    record Piece(String sql, String jdbc, List<String> names) {
    }

    /** Random cases per property; a fixed seed makes a failure reproducible (raise with -Dsamenredzaam.tries=20000). */
    static final int TRIES = Integer.getInteger("samenredzaam.tries", 1000);

    @Test
    void namesInsideQuotesAndCommentsAreNeverBoundAndEveryNameGetsOnePlaceholder() {
        Random random = new Random(20261126L);
        for (int t = 0; t < TRIES; t++) {
            List<Piece> pieces = new ArrayList<>();
            int n = random.nextInt(13);
            for (int i = 0; i < n; i++) {
                pieces.add(switch (random.nextInt(4)) {
                    case 0 -> plain(random);
                    case 1 -> parameter(random);
                    case 2 -> cast(random);
                    default -> hidden(random);
                });
            }
            checkPieces(pieces);
        }
    }

    private void checkPieces(List<Piece> pieces) {
        StringBuilder sql = new StringBuilder();
        StringBuilder jdbc = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Piece p : pieces) {
            sql.append(p.sql());
            jdbc.append(p.jdbc());
            names.addAll(p.names());
        }
        NamedSql parsed = NamedSql.parse(sql.toString());
        assertEquals(names, parsed.names(), sql::toString);
        assertEquals(jdbc.toString(), parsed.jdbc(), sql::toString);
        assertEquals(names.size(), placeholdersOutsideQuotes(parsed.jdbc()), sql::toString);
    }

    @Test
    void aNameOnlyInAQuoteOrCommentIsNotUsed() {
        Random random = new Random(11L);
        for (int t = 0; t < TRIES; t++) {
            Piece before = plain(random);
            Piece hidden = hidden(random);
            Piece after = plain(random);
            NamedSql parsed = NamedSql.parse(before.sql() + hidden.sql() + after.sql());
            assertFalse(parsed.uses("initiative"), () -> before.sql() + hidden.sql() + after.sql());
            assertEquals(0, parsed.names().size());
        }
    }

    @Test
    void parsingIsTotal() {
        Random random = new Random(13L);
        for (int t = 0; t < TRIES; t++) {
            String sql = chars(random, ":'\"-/*\n ab_?1", 40);
            NamedSql parsed = NamedSql.parse(sql);
            assertEquals(parsed.names().size(), parsed.names().stream().filter(n -> !n.isEmpty()).count());
        }
    }

    static String chars(Random random, String alphabet, int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String name(Random random) {
        String first = "abcdefghijklmnopqrstuvwxyzABCXYZ_";
        return first.charAt(random.nextInt(first.length())) + chars(random, "abcxyz_0123456789", 8);
    }

    static Piece plain(Random random) {
        // no quote, comment, colon or question mark characters: text that passes through unchanged
        String s;
        do {
            s = chars(random, "abcxyz_019 =<>(),.*+\n\tÉé", 12);
        } while (s.contains("--") || s.contains("/*"));
        return new Piece(" " + s + " ", " " + s + " ", List.of());
    }

    static Piece parameter(Random random) {
        String n = random.nextInt(4) == 0 ? "initiative" : name(random);
        return new Piece(" :" + n + " ", " ? ", List.of(n));
    }

    static Piece cast(Random random) {
        String c = new String[] {"::text", "::bigint", "::timestamptz"}[random.nextInt(3)];
        return new Piece("x" + c + " ", "x" + c + " ", List.of());
    }

    /** Text that contains {@code :initiative} and other names but only inside a quote or a comment. */
    static Piece hidden(Random random) {
        String inner = chars(random, "ab :=,_\"'*/-", 6) + " :initiative :" + name(random) + " " + chars(random, "ab :=,_", 6);
        String s = switch (random.nextInt(5)) {
            case 0 -> "'" + inner.replace("'", "") + "'";
            case 1 -> "'it''s " + inner.replace("'", "") + "'";
            case 2 -> "\"" + inner.replace("\"", "") + "\"";
            case 3 -> "-- " + inner.replace("\n", "") + "\n";
            default -> "/* " + inner.replace("*/", "") + " */";
        };
        return new Piece(s, s, List.of());
    }

    /** Counts {@code ?} outside quotes and comments, the way JDBC drivers see placeholders. */
    static int placeholdersOutsideQuotes(String jdbc) {
        int count = 0;
        int i = 0;
        int n = jdbc.length();
        while (i < n) {
            char c = jdbc.charAt(i);
            if (c == '\'' || c == '"') {
                int end = jdbc.indexOf(c, i + 1);
                i = end < 0 ? n : end + 1;
            } else if (jdbc.startsWith("--", i)) {
                int end = jdbc.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (jdbc.startsWith("/*", i)) {
                int end = jdbc.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                if (c == '?') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }
}
