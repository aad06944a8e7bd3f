package nl.samenredzaam.identity.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;

import nl.samenredzaam.identity.platform.Account;

/** A row of {@code identity_user}. The password hash never leaves the identity bundle. */
public record UserRow(long id, String username, String displayName, String email, String passwordHash, boolean operator,
        boolean offline, boolean disabled) {

    static final String COLUMNS = "u.id, u.username, u.display_name, u.email, u.password_hash, u.operator, u.offline, u.disabled";

    static UserRow map(ResultSet r) throws SQLException {
        return new UserRow(r.getLong("id"), r.getString("username"), r.getString("display_name"), r.getString("email"),
                r.getString("password_hash"), r.getBoolean("operator"), r.getBoolean("offline"), r.getBoolean("disabled"));
    }

    public Account account() {
        return new Account(id, username, displayName, operator);
    }

    @Override
    public String toString() {
        // never the hash or the e-mail address
        return "UserRow[id=" + id + "]";
    }
}
