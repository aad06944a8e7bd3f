package nl.samenredzaam.volunteering.internal;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.WebRequest;

/**
 * Who looks at requests, and in which capacities. The platform already checked the route's
 * permission; this decides per record.
 *
 * @param userId      account id
 * @param name        display name
 * @param coordinator has {@code volunteering.coordinate}
 * @param volunteer   has {@code volunteering.help}
 * @param resident    has the resident role (asks for themselves)
 */
public record Viewer(long userId, String name, boolean coordinator, boolean volunteer, boolean resident) {

    static Viewer of(WebRequest req) {
        Actor actor = req.requireActor();
        return new Viewer(actor.userId(), actor.displayName(), req.isAllowed(VolunteeringModule.COORDINATE),
                req.isAllowed(VolunteeringModule.HELP), actor.roles().contains(Role.RESIDENT));
    }
}
