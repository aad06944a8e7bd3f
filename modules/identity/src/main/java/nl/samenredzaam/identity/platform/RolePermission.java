package nl.samenredzaam.identity.platform;

import java.util.Set;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.Role;

/**
 * One row of an initiative's role table: a module permission and the roles that have it.
 *
 * @param moduleId     the module that defines it
 * @param permission   permission id, e.g. {@code calendar.manage}
 * @param label        what it allows
 * @param defaultRoles roles that have it by the module's default
 * @param roles        roles that have it in this initiative (defaults with the admin's changes)
 */
public record RolePermission(String moduleId, String permission, Text label, Set<Role> defaultRoles, Set<Role> roles) {

    public RolePermission {
        defaultRoles = Set.copyOf(defaultRoles);
        roles = Set.copyOf(roles);
    }

    /** Whether the initiative differs from the module's default. */
    public boolean changed() {
        return !defaultRoles.equals(roles);
    }
}
