package nl.samenredzaam.web.internal;

import java.util.Optional;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;

/** The one place that decides whether an actor may use a route: fails closed. */
final class Access {

    private Access() {
    }

    static boolean allowed(Optional<Actor> actor, String permission) {
        if (Permission.PUBLIC.equals(permission)) {
            return true;
        }
        if (actor.isEmpty()) {
            return false;
        }
        if (Permission.MEMBER.equals(permission)) {
            return !actor.get().roles().isEmpty();
        }
        return actor.get().has(permission);
    }

    /** Initiative admins and platform operators manage an initiative's modules. */
    static boolean managesInitiative(Optional<Actor> actor) {
        return actor.isPresent() && (actor.get().isOperator() || actor.get().roles().contains(Role.ADMIN));
    }
}
