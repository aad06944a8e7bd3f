package nl.samenredzaam.identity.internal.access;

import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;

/**
 * An actor in one initiative, with the module permissions its roles give there, fixed when it is
 * made (once per request), so that {@link #has} is a set lookup.
 *
 * @param initiativeId the initiative the roles and permissions belong to
 * @param granted      module permissions the roles give in that initiative
 */
public record ActorImpl(long userId, String displayName, Set<Role> roles, boolean isOperator, Optional<Long> onBehalfOf,
        long initiativeId, Set<String> granted) implements Actor {

    public ActorImpl {
        roles = Set.copyOf(roles);
        granted = Set.copyOf(granted);
    }

    @Override
    public boolean has(String permission) {
        if (Permission.PUBLIC.equals(permission)) {
            return true;
        }
        if (Permission.MEMBER.equals(permission)) {
            return !roles.isEmpty();
        }
        return permission != null && granted.contains(permission);
    }

    /** The same person acting for a resident. */
    public ActorImpl actingFor(long residentUserId) {
        return new ActorImpl(userId, displayName, roles, isOperator, Optional.of(residentUserId), initiativeId, granted);
    }

    @Override
    public String toString() {
        // no display name: it is personal data and this may end up in a log line
        return "Actor[user=" + userId + ", initiative=" + initiativeId + ", roles=" + roles + "]";
    }
}
