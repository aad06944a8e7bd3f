package ${package}.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** Data access; every statement is limited to the initiative of the Sql with :initiative. */
public final class NoteRepository {

    private static final String COLUMNS = "select id, text, author_name, created_at from ${moduleId}_note ";

    public List<Note> latest(Sql sql, int limit) {
        return sql.list(COLUMNS + "where initiative_id = :initiative order by created_at desc, id desc limit :limit",
                NoteRepository::map, "limit", limit);
    }

    public long create(Sql sql, String text, Long authorId, String authorName, Instant now) {
        return sql.insert("insert into ${moduleId}_note (initiative_id, text, author_user_id, author_name, created_at) "
                + "values (:initiative, :text, :author, :authorName, :now)",
                "text", text, "author", authorId, "authorName", authorName, "now", now);
    }

    /** Notes written by a person (privacy export). */
    public List<Note> byAuthor(Sql sql, long userId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and author_user_id = :user order by created_at",
                NoteRepository::map, "user", userId);
    }

    /** Removes the author from their notes; the notes stay. */
    public int anonymise(Sql sql, long userId) {
        return sql.update("update ${moduleId}_note set author_user_id = null, author_name = null "
                + "where initiative_id = :initiative and author_user_id = :user", "user", userId);
    }

    private static Note map(ResultSet r) throws SQLException {
        return new Note(r.getLong("id"), r.getString("text"), r.getString("author_name"), Rows.instant(r, "created_at"));
    }
}
