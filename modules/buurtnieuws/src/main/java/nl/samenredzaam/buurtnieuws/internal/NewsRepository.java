package nl.samenredzaam.buurtnieuws.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** Data access for news items; every statement is limited to the initiative of the {@link Sql}. */
public final class NewsRepository {

    private static final String COLUMNS = "select id, title, body, author_name, published_at from buurtnieuws_item ";

    public List<NewsItem> latest(Sql sql, int limit) {
        return sql.list(COLUMNS + "where initiative_id = :initiative order by published_at desc, id desc limit :limit",
                NewsRepository::map, "limit", limit);
    }

    public Optional<NewsItem> find(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id", NewsRepository::map, "id", id);
    }

    public long create(Sql sql, NewsInput input, Long authorId, String authorName, Instant now) {
        return sql.insert("insert into buurtnieuws_item (initiative_id, title, body, author_user_id, author_name, published_at) "
                + "values (:initiative, :title, :body, :author, :authorName, :now)",
                "title", input.title(), "body", input.body(), "author", authorId, "authorName", authorName, "now", now);
    }

    public boolean update(Sql sql, long id, NewsInput input) {
        return sql.update("update buurtnieuws_item set title = :title, body = :body where initiative_id = :initiative and id = :id",
                "title", input.title(), "body", input.body(), "id", id) == 1;
    }

    public boolean delete(Sql sql, long id) {
        return sql.update("delete from buurtnieuws_item where initiative_id = :initiative and id = :id", "id", id) == 1;
    }

    /** Items written by a person (privacy export). */
    public List<NewsItem> byAuthor(Sql sql, long userId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and author_user_id = :user order by published_at",
                NewsRepository::map, "user", userId);
    }

    /** Removes the author from their items; the messages stay (they were published to everyone). */
    public int anonymise(Sql sql, long userId) {
        return sql.update("update buurtnieuws_item set author_user_id = null, author_name = null "
                + "where initiative_id = :initiative and author_user_id = :user", "user", userId);
    }

    private static NewsItem map(ResultSet r) throws SQLException {
        return new NewsItem(r.getLong("id"), r.getString("title"), r.getString("body"), r.getString("author_name"),
                Rows.instant(r, "published_at"));
    }
}
