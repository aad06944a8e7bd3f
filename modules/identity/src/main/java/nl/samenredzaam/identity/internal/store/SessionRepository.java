package nl.samenredzaam.identity.internal.store;

import java.time.Instant;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** {@code identity_session}: browser sessions, by the SHA-256 of their id (global {@link Sql}). */
public final class SessionRepository {

    /** A stored session with its user. */
    public record SessionRow(String idHash, UserRow user, String csrfToken, Instant createdAt, Instant lastSeen,
            Instant expiresAt) {
    }

    public void insert(Sql sql, String idHash, long userId, String csrfToken, Instant now, Instant expiresAt) {
        insert(sql, idHash, userId, csrfToken, now, expiresAt, null);
    }

    public void insert(Sql sql, String idHash, long userId, String csrfToken, Instant now, Instant expiresAt, String device) {
        sql.update("insert into identity_session (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, device) "
                + "values (:hash, :user, :csrf, :now, :now, :expires, :device)",
                "hash", idHash, "user", userId, "csrf", csrfToken, "now", now, "expires", expiresAt, "device", device);
    }

    /** A user's session as listed: hash, device and times. */
    public record Listed(String idHash, String device, Instant createdAt, Instant lastSeen, Instant expiresAt) {
    }

    /** The user's sessions still within both timeouts at {@code now}, newest first. */
    public java.util.List<Listed> forUser(Sql sql, long userId, Instant now, Instant idleBefore) {
        return sql.list("select id_hash, device, created_at, last_seen_at, expires_at from identity_session where user_id = :user "
                + "and expires_at > :now and last_seen_at > :idle order by created_at desc, id_hash",
                r -> new Listed(r.getString("id_hash"), r.getString("device"), Rows.instant(r, "created_at"),
                        Rows.instant(r, "last_seen_at"), Rows.instant(r, "expires_at")),
                "user", userId, "now", now, "idle", idleBefore);
    }

    /** Ends one session of a user; the number removed (0 or 1). */
    public int deleteOne(Sql sql, long userId, String idHash) {
        return sql.update("delete from identity_session where user_id = :user and id_hash = :hash", "user", userId, "hash", idHash);
    }

    public Optional<SessionRow> find(Sql sql, String idHash) {
        return sql.first("select " + UserRow.COLUMNS + ", s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at "
                + "from identity_session s join identity_user u on u.id = s.user_id where s.id_hash = :hash",
                r -> new SessionRow(r.getString("id_hash"), UserRow.map(r), r.getString("csrf_token"),
                        Rows.instant(r, "created_at"), Rows.instant(r, "last_seen_at"), Rows.instant(r, "expires_at")),
                "hash", idHash);
    }

    public void touch(Sql sql, String idHash, Instant now) {
        sql.update("update identity_session set last_seen_at = :now where id_hash = :hash", "now", now, "hash", idHash);
    }

    public void delete(Sql sql, String idHash) {
        sql.update("delete from identity_session where id_hash = :hash", "hash", idHash);
    }

    /** Ends every session of a user except the one with {@code keepHash} (may be {@code null}). */
    public int deleteForUser(Sql sql, long userId, String keepHash) {
        return sql.update("delete from identity_session where user_id = :user and id_hash <> :keep", "user", userId,
                "keep", keepHash == null ? "" : keepHash);
    }

    /** Removes sessions past their absolute end or idle since before {@code idleBefore}. */
    public int deleteExpired(Sql sql, Instant now, Instant idleBefore) {
        return sql.update("delete from identity_session where expires_at <= :now or last_seen_at <= :idle", "now", now,
                "idle", idleBefore);
    }
}
