package nl.samenredzaam.testing.fake;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;

/**
 * A signed-in person for a test: an id, a name, roles and exactly the permissions you give.
 *
 * <pre>{@code
 * Actor coordinator = FakeActor.of(7, "Carla Coördinator", Role.COORDINATOR)
 *         .withDefaultPermissionsOf(new MyModule());   // the permissions MyModule gives coordinators
 * Actor resident = FakeActor.of(8, "Ria Inwoner", Role.RESIDENT).withPermissions("mymodule.read");
 * }</pre>
 *
 * <p>As on the platform, {@link Permission#PUBLIC} is always granted and {@link Permission#MEMBER}
 * to anybody with a role. Instances are immutable; the {@code with...} methods return a copy.
 */
public final class FakeActor implements Actor {

    private final long userId;
    private final String displayName;
    private final Set<Role> roles;
    private final Set<String> permissions;
    private final boolean operator;
    private final Long onBehalfOf;

    private FakeActor(long userId, String displayName, Set<Role> roles, Set<String> permissions, boolean operator, Long onBehalfOf) {
        this.userId = userId;
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.roles = Set.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
        this.operator = operator;
        this.onBehalfOf = onBehalfOf;
    }

    /** A person with these roles in the initiative and no permissions yet. */
    public static FakeActor of(long userId, String displayName, Role... roles) {
        return new FakeActor(userId, displayName, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)),
                Set.of(), false, null);
    }

    /** The same person with these permissions added. */
    public FakeActor withPermissions(String... more) {
        Set<String> all = new LinkedHashSet<>(permissions);
        all.addAll(Arrays.asList(more));
        return new FakeActor(userId, displayName, roles, all, operator, onBehalfOf);
    }

    /**
     * The same person with the permissions {@code module} gives their roles by default (its
     * {@link Module#permissions()} and their default roles), as in a new initiative.
     */
    public FakeActor withDefaultPermissionsOf(Module module) {
        Set<String> all = new LinkedHashSet<>(permissions);
        for (Permission p : module.permissions()) {
            if (p.defaultRoles().stream().anyMatch(roles::contains)) {
                all.add(p.id());
            }
        }
        return new FakeActor(userId, displayName, roles, all, operator, onBehalfOf);
    }

    /** The same person as a platform operator. */
    public FakeActor asOperator() {
        return new FakeActor(userId, displayName, roles, permissions, true, onBehalfOf);
    }

    /** The same person acting on behalf of another (e.g. a volunteer for a resident). */
    public FakeActor onBehalfOf(long otherUserId) {
        return new FakeActor(userId, displayName, roles, permissions, operator, otherUserId);
    }

    @Override
    public long userId() {
        return userId;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public boolean has(String permission) {
        if (Permission.PUBLIC.equals(permission)) {
            return true;
        }
        if (Permission.MEMBER.equals(permission)) {
            return !roles.isEmpty() || permissions.contains(permission);
        }
        return permissions.contains(permission);
    }

    /** The permissions given explicitly or by {@link #withDefaultPermissionsOf}. */
    public Set<String> permissions() {
        return permissions;
    }

    @Override
    public boolean isOperator() {
        return operator;
    }

    @Override
    public Optional<Long> onBehalfOf() {
        return Optional.ofNullable(onBehalfOf);
    }

    @Override
    public String toString() {
        return "FakeActor[" + userId + " " + displayName + " " + roles + " " + permissions + "]";
    }
}
