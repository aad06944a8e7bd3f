package nl.samenredzaam.wmointake.internal.support;

import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.wmointake.internal.WmoIntakeModule;

/** A signed-in person with the module's default permissions for their roles. */
public record FakeActor(long userId, String displayName, Set<Role> roles) implements Actor {

    public static FakeActor of(long id, Role... roles) {
        return new FakeActor(id, "User " + id, Set.of(roles));
    }

    @Override
    public boolean has(String permission) {
        if (permission.equals(WmoIntakeModule.WORK)) {
            return roles.contains(Role.PROFESSIONAL) || roles.contains(Role.COORDINATOR);
        }
        return false;
    }

    @Override
    public boolean isOperator() {
        return false;
    }

    @Override
    public Optional<Long> onBehalfOf() {
        return Optional.empty();
    }
}
