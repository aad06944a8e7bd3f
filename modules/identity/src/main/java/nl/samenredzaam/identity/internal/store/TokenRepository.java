package nl.samenredzaam.identity.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.identity.platform.TokenInfo;

/** {@code identity_token}: API tokens, by the SHA-256 of their secret (global {@link Sql}). */
public final class TokenRepository {

    private static final String INFO = "t.id as token_id, t.label, t.created_at, t.last_used_at, t.expires_at, t.revoked_at";

    /** A stored token with its user. */
    public record TokenRow(TokenInfo info, UserRow user) {
    }

    public long insert(Sql sql, String tokenHash, long userId, String label, Instant now, Instant expiresAt) {
        return sql.insert("insert into identity_token (token_hash, user_id, label, created_at, expires_at) "
                + "values (:hash, :user, :label, :now, :expires)",
                "hash", tokenHash, "user", userId, "label", label, "now", now, "expires", expiresAt);
    }

    public Optional<TokenRow> find(Sql sql, String tokenHash) {
        return sql.first("select " + INFO + ", " + UserRow.COLUMNS + " from identity_token t "
                + "join identity_user u on u.id = t.user_id where t.token_hash = :hash",
                r -> new TokenRow(info(r), UserRow.map(r)), "hash", tokenHash);
    }

    public void markUsed(Sql sql, long tokenId, Instant now) {
        sql.update("update identity_token set last_used_at = :now where id = :id", "now", now, "id", tokenId);
    }

    public int revokeByHash(Sql sql, String tokenHash, Instant now) {
        return sql.update("update identity_token set revoked_at = :now where token_hash = :hash and revoked_at is null",
                "now", now, "hash", tokenHash);
    }

    public int revoke(Sql sql, long userId, long tokenId, Instant now) {
        return sql.update("update identity_token set revoked_at = coalesce(revoked_at, :now) where id = :id and user_id = :user",
                "now", now, "id", tokenId, "user", userId);
    }

    public List<TokenInfo> forUser(Sql sql, long userId) {
        return sql.list("select " + INFO + " from identity_token t where t.user_id = :user order by t.created_at desc, t.id desc",
                TokenRepository::info, "user", userId);
    }

    private static TokenInfo info(ResultSet r) throws SQLException {
        return new TokenInfo(r.getLong("token_id"), r.getString("label"), Rows.instant(r, "created_at"),
                Rows.instant(r, "last_used_at"), Rows.instant(r, "expires_at"), Rows.instant(r, "revoked_at"));
    }
}
