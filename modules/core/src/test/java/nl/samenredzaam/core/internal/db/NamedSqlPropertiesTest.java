package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link NamedSql#parse}, over statements built from random pieces whose expected result is known:
 * plain text, {@code :name} parameters, PostgreSQL casts, and quoted strings, quoted identifiers and comments that
 * themselves contain {@code :name}-like text.
 */
class NamedSqlPropertiesTest {

    /** One piece of a statement, with what parsing must turn it into. */
    record Piece(String sql, String jdbc, List<String> names) {
    }

    @Property
    void namesInsideQuotesAndCommentsAreNeverBoundAndEveryNameGetsOnePlaceholder(@ForAll("statements") List<Piece> pieces) {
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

    @Property
    void aNameOnlyInAQuoteOrCommentIsNotUsed(@ForAll("hidden") Piece hidden, @ForAll("plain") Piece before,
            @ForAll("plain") Piece after) {
        NamedSql parsed = NamedSql.parse(before.sql() + hidden.sql() + after.sql());
        assertFalse(parsed.uses("initiative"), () -> before.sql() + hidden.sql() + after.sql());
        assertEquals(0, parsed.names().size());
    }

    @Property
    void parsingIsTotal(@ForAll("anything") String sql) {
        NamedSql parsed = NamedSql.parse(sql);
        assertEquals(parsed.names().size(), parsed.names().stream().filter(n -> !n.isEmpty()).count());
    }

    @Provide
    Arbitrary<List<Piece>> statements() {
        return Arbitraries.oneOf(plain(), parameter(), cast(), hidden()).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<Piece> plain() {
        // no quote, comment, colon or question mark characters: text that passes through unchanged
        return Arbitraries.strings().withChars("abcxyz_019 =<>(),.*+\n\tÉé").ofMaxLength(12)
                .filter(s -> !s.contains("--") && !s.contains("/*"))
                .map(s -> new Piece(" " + s + " ", " " + s + " ", List.of()));
    }

    Arbitrary<String> name() {
        return Combinators.combine(Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ_").ofLength(1),
                Arbitraries.strings().withChars("abcxyz_0123456789").ofMaxLength(8)).as(String::concat);
    }

    Arbitrary<Piece> parameter() {
        return Arbitraries.oneOf(name(), Arbitraries.just("initiative"))
                .map(n -> new Piece(" :" + n + " ", " ? ", List.of(n)));
    }

    Arbitrary<Piece> cast() {
        return Arbitraries.of("::text", "::bigint", "::timestamptz").map(c -> new Piece("x" + c + " ", "x" + c + " ", List.of()));
    }

    /** Text that contains {@code :initiative} and other names but only inside a quote or a comment. */
    @Provide
    Arbitrary<Piece> hidden() {
        Arbitrary<String> inner = Combinators.combine(
                Arbitraries.strings().withChars("ab :=,_\"'*/-").ofMaxLength(6), name(),
                Arbitraries.strings().withChars("ab :=,_").ofMaxLength(6))
                .as((a, n, b) -> a + " :initiative :" + n + " " + b);
        return Arbitraries.oneOf(
                inner.map(s -> s.replace("'", "")).map(s -> "'" + s + "'"),
                inner.map(s -> s.replace("'", "")).map(s -> "'it''s " + s + "'"),
                inner.map(s -> s.replace("\"", "")).map(s -> "\"" + s + "\""),
                inner.map(s -> s.replace("\n", "")).map(s -> "-- " + s + "\n"),
                inner.map(s -> s.replace("*/", "")).map(s -> "/* " + s + " */"))
                .map(s -> new Piece(s, s, List.of()));
    }

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.strings().withChars(":'\"-/*\n ab_?1").ofMaxLength(40);
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
