package nl.samenredzaam.identity.internal.store;

import java.time.Instant;
import java.util.Optional;

import nl.samenredzaam.api.data.Sql;

/** {@code identity_user}: accounts, platform-wide (use a global {@link Sql}). */
public final class UserRepository {

    public Optional<UserRow> byUsername(Sql sql, String username) {
        return sql.first("select " + UserRow.COLUMNS + " from identity_user u where u.username = :username", UserRow::map,
                "username", username);
    }

    public Optional<UserRow> byId(Sql sql, long id) {
        return sql.first("select " + UserRow.COLUMNS + " from identity_user u where u.id = :id", UserRow::map, "id", id);
    }

    public long insert(Sql sql, String username, String displayName, String email, String passwordHash, boolean operator,
            boolean offline, Instant now, Long createdBy) {
        return sql.insert("insert into identity_user (username, display_name, email, password_hash, operator, offline, "
                + "disabled, created_at, created_by) values (:username, :displayName, :email, :hash, :operator, :offline, "
                + "false, :now, :createdBy)",
                "username", username, "displayName", displayName, "email", email, "hash", passwordHash,
                "operator", operator, "offline", offline, "now", now, "createdBy", createdBy);
    }

    /** Sets a new password hash; an offline account that gets a password can sign in from then on. */
    public void setPasswordHash(Sql sql, long id, String passwordHash) {
        sql.update("update identity_user set password_hash = :hash, offline = false where id = :id", "hash", passwordHash,
                "id", id);
    }

    public void delete(Sql sql, long id) {
        sql.update("delete from identity_user where id = :id", "id", id);
    }
}
