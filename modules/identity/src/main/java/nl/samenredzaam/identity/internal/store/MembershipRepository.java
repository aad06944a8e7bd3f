package nl.samenredzaam.identity.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.MemberAccount;

/** {@code identity_membership}: roles per initiative. Initiative data: use the initiative's {@link Sql}. */
public final class MembershipRepository {

    public Set<Role> roles(Sql sql, long userId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        sql.list("select role from identity_membership where initiative_id = :initiative and user_id = :user",
                r -> r.getString(1), "user", userId).forEach(name -> parse(name, roles));
        return roles;
    }

    /** Ids of the initiatives a user is a member of (a global {@link Sql}: it spans initiatives). */
    public List<Long> initiatives(Sql globalSql, long userId) {
        return globalSql.list("select distinct initiative_id from identity_membership where user_id = :user "
                + "order by initiative_id", r -> r.getLong(1), "user", userId);
    }

    /** Adds a role; false when the user had it already. */
    public boolean add(Sql sql, long userId, Role role, Instant now) {
        boolean present = sql.first("select 1 from identity_membership where initiative_id = :initiative "
                + "and user_id = :user and role = :role", r -> true, "user", userId, "role", role).isPresent();
        if (present) {
            return false;
        }
        sql.update("insert into identity_membership (initiative_id, user_id, role, created_at) "
                + "values (:initiative, :user, :role, :now)", "user", userId, "role", role, "now", now);
        return true;
    }

    /** Removes a role; false when the user did not have it. */
    public boolean remove(Sql sql, long userId, Role role) {
        return sql.update("delete from identity_membership where initiative_id = :initiative and user_id = :user "
                + "and role = :role", "user", userId, "role", role) > 0;
    }

    /** How many members have the role. */
    public long count(Sql sql, Role role) {
        return sql.first("select count(*) from identity_membership where initiative_id = :initiative and role = :role",
                r -> r.getLong(1), "role", role).orElse(0L);
    }

    /** Members with their roles, by display name. */
    public List<MemberAccount> members(Sql sql, Long onlyUserId) {
        String where = onlyUserId == null ? "" : " and u.id = :user";
        Object[] params = onlyUserId == null ? new Object[0] : new Object[] {"user", onlyUserId};
        Map<Long, Row> rows = new LinkedHashMap<>();
        sql.list("select " + UserRow.COLUMNS + ", m.role from identity_membership m "
                + "join identity_user u on u.id = m.user_id where m.initiative_id = :initiative" + where
                + " order by u.display_name, u.id", r -> {
                    UserRow user = UserRow.map(r);
                    rows.computeIfAbsent(user.id(), id -> new Row(user, EnumSet.noneOf(Role.class)));
                    parse(r.getString("role"), rows.get(user.id()).roles());
                    return null;
                }, params);
        List<MemberAccount> members = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            UserRow u = row.user();
            members.add(new MemberAccount(u.id(), u.username(), u.displayName(), u.email(), row.roles(), u.offline(), u.disabled()));
        }
        return members;
    }

    private record Row(UserRow user, Set<Role> roles) {
    }

    private static void parse(String name, Set<Role> into) {
        try {
            into.add(Role.valueOf(name));
        } catch (IllegalArgumentException unknownRole) {
            // a role written by a newer version: ignored rather than granting anything
        }
    }
}
