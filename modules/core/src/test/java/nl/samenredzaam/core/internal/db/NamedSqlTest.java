package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void turnsNamesIntoPlaceholdersInOrder() {
        NamedSql sql = NamedSql.parse("select * from t where initiative_id = :initiative and a = :a_1 and b > :bValue");
        assertEquals("select * from t where initiative_id = ? and a = ? and b > ?", sql.jdbc());
        assertEquals(List.of("initiative", "a_1", "bValue"), sql.names());
        assertTrue(sql.uses("initiative"));
        assertFalse(sql.uses("a"));
    }

    @Test
    void repeatedNamesGetOnePlaceholderEach() {
        NamedSql sql = NamedSql.parse("select * from t where (title = :q or body = :q) and initiative_id = :initiative and x = :q");
        assertEquals("select * from t where (title = ? or body = ?) and initiative_id = ? and x = ?", sql.jdbc());
        assertEquals(List.of("q", "q", "initiative", "q"), sql.names());
    }

    @Test
    void leavesSingleQuotedStringsAlone() {
        NamedSql sql = NamedSql.parse("select 'at 12:30 :notAName' as t, ':x' from t where a = :a");
        assertEquals("select 'at 12:30 :notAName' as t, ':x' from t where a = ?", sql.jdbc());
        assertEquals(List.of("a"), sql.names());
    }

    @Test
    void doubledQuoteInsideAStringDoesNotEndIt() {
        NamedSql sql = NamedSql.parse("select 'it''s :not' || :a from t where b = 'x'':y' and c = :c");
        assertEquals("select 'it''s :not' || ? from t where b = 'x'':y' and c = ?", sql.jdbc());
        assertEquals(List.of("a", "c"), sql.names());
    }

    @Test
    void leavesQuotedIdentifiersAlone() {
        NamedSql sql = NamedSql.parse("select \"odd:name\" from t where a = :a");
        assertEquals("select \"odd:name\" from t where a = ?", sql.jdbc());
        assertEquals(List.of("a"), sql.names());
    }

    @Test
    void leavesLineCommentsAlone() {
        NamedSql sql = NamedSql.parse("select a -- not :this one\nfrom t where a = :a -- nor :that");
        assertEquals("select a -- not :this one\nfrom t where a = ? -- nor :that", sql.jdbc());
        assertEquals(List.of("a"), sql.names());
    }

    @Test
    void leavesBlockCommentsAlone() {
        NamedSql sql = NamedSql.parse("select a /* not :this,\n nor :that */ from t where a = :a /* :x */");
        assertEquals("select a /* not :this,\n nor :that */ from t where a = ? /* :x */", sql.jdbc());
        assertEquals(List.of("a"), sql.names());
    }

    @Test
    void initiativeOnlyInACommentDoesNotCount() {
        assertFalse(NamedSql.parse("delete from t -- where initiative_id = :initiative").uses("initiative"));
        assertFalse(NamedSql.parse("delete from t /* where initiative_id = :initiative */").uses("initiative"));
        assertFalse(NamedSql.parse("delete from t where note = ':initiative'").uses("initiative"));
    }

    @Test
    void castsAreNotParameters() {
        NamedSql sql = NamedSql.parse("select :a::text, b::int, c :: varchar from t where d = :d::date");
        assertEquals("select ?::text, b::int, c :: varchar from t where d = ?::date", sql.jdbc());
        assertEquals(List.of("a", "d"), sql.names());
    }

    @Test
    void colonNotFollowedByANameIsLeftAlone() {
        NamedSql sql = NamedSql.parse("select arr[1:2], x := 1, :9 from t where a = :a and b = 'open:");
        assertEquals("select arr[1:2], x := 1, :9 from t where a = ? and b = 'open:", sql.jdbc());
        assertEquals(List.of("a"), sql.names());
    }

    @Test
    void statementWithoutParametersIsUnchanged() {
        NamedSql sql = NamedSql.parse("select 1");
        assertEquals("select 1", sql.jdbc());
        assertEquals(List.of(), sql.names());
    }

    @Test
    void parsedFormIsCachedAndEqual() {
        String statement = "select * from cache_test where a = :a";
        assertEquals(NamedSql.parse(statement), NamedSql.parse(statement));
    }
}
