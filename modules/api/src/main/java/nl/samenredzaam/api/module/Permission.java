package nl.samenredzaam.api.module;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import nl.samenredzaam.api.i18n.Text;

/**
 * A permission a module defines, such as {@code calendar.manage}, and the roles that have it by
 * default. An initiative admin can change which roles have it for their initiative.
 *
 * @param id           {@code <moduleId>.<name>}, lower case
 * @param label        what it allows, for the admin's role table
 * @param defaultRoles roles that have it unless the initiative changes that
 */
public record Permission(String id, Text label, Set<Role> defaultRoles) {

    /** Route access for everyone, including visitors who are not signed in. */
    public static final String PUBLIC = "public";
    /** Route access for every signed-in member of the initiative, whatever their role. */
    public static final String MEMBER = "member";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9.-]*");

    public Permission {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("permission id must look like 'module.name': " + id);
        }
        Objects.requireNonNull(label, "label");
        defaultRoles = Set.copyOf(defaultRoles);
    }

    public static Permission of(String id, Text label, Role... defaultRoles) {
        return new Permission(id, label, Set.of(defaultRoles));
    }
}
