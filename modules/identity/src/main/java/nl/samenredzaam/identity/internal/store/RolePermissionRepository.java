package nl.samenredzaam.identity.internal.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;

/** {@code identity_role_permission}: an initiative's changes to the modules' default role table. */
public final class RolePermissionRepository {

    /** One change: the permission granted to (or taken from) the role. */
    public record Override(String permission, Role role, boolean granted) {
    }

    public List<Override> overrides(Sql sql) {
        return sql.list("select permission, role, granted from identity_role_permission where initiative_id = :initiative",
                r -> {
                    try {
                        return new Override(r.getString(1), Role.valueOf(r.getString(2)), r.getBoolean(3));
                    } catch (IllegalArgumentException unknownRole) {
                        return null;
                    }
                }).stream().filter(o -> o != null).toList();
    }

    public void set(Sql sql, String permission, Role role, boolean granted, Instant now, long by) {
        clear(sql, permission, role);
        sql.update("insert into identity_role_permission (initiative_id, permission, role, granted, changed_at, changed_by) "
                + "values (:initiative, :permission, :role, :granted, :now, :by)",
                "permission", permission, "role", role, "granted", granted, "now", now, "by", by);
    }

    public void clear(Sql sql, String permission, Role role) {
        sql.update("delete from identity_role_permission where initiative_id = :initiative and permission = :permission "
                + "and role = :role", "permission", permission, "role", role);
    }

    /** The overrides as permission → role → granted. */
    public static Map<String, Map<Role, Boolean>> byPermission(List<Override> overrides) {
        Map<String, Map<Role, Boolean>> result = new HashMap<>();
        for (Override o : overrides) {
            result.computeIfAbsent(o.permission(), p -> new HashMap<>()).put(o.role(), o.granted());
        }
        return result;
    }
}
