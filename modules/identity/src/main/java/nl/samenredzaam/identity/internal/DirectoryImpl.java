package nl.samenredzaam.identity.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;

/**
 * Members of the initiative of the caller's {@link Sql}, for modules that assign people (a
 * professional, a coach). Reads only the caller's initiative: the statements are scoped by
 * {@code :initiative} like any module's.
 */
@Component(service = Directory.class)
public final class DirectoryImpl implements Directory {

    private static final String QUERY = "select u.id, u.display_name, u.email, m.role from identity_membership m "
            + "join identity_user u on u.id = m.user_id where m.initiative_id = :initiative and u.disabled = false ";

    @Override
    public List<Member> withRole(Sql sql, Role role) {
        Map<Long, Member> members = collect(sql.list(QUERY + "and m.user_id in (select user_id from identity_membership "
                + "where initiative_id = :initiative and role = :role) order by u.display_name, u.id", Row::of, "role", role.name()));
        return List.copyOf(members.values());
    }

    @Override
    public Optional<Member> member(Sql sql, long userId) {
        return collect(sql.list(QUERY + "and u.id = :user", Row::of, "user", userId)).values().stream().findFirst();
    }

    private record Row(long id, String name, String email, String role) {
        static Row of(java.sql.ResultSet r) throws java.sql.SQLException {
            return new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4));
        }
    }

    private static Map<Long, Member> collect(List<Row> rows) {
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        Map<Long, Row> first = new LinkedHashMap<>();
        for (Row row : rows) {
            first.putIfAbsent(row.id(), row);
            Set<Role> set = roles.computeIfAbsent(row.id(), k -> EnumSet.noneOf(Role.class));
            try {
                set.add(Role.valueOf(row.role()));
            } catch (IllegalArgumentException unknown) {
                // a role written by a newer platform version: ignored here
            }
        }
        Map<Long, Member> members = new LinkedHashMap<>();
        first.forEach((id, row) -> members.put(id, new Member(id, row.name(), row.email(), roles.get(id))));
        return members;
    }
}
