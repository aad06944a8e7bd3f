package nl.samenredzaam.api.identity;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.module.Role;

/** The signed-in person making a request, as seen from the current initiative. */
@ProviderType
public interface Actor {

    long userId();

    String displayName();

    /** Roles in the current initiative; empty for a non-member (such as an operator visiting). */
    Set<Role> roles();

    /** Whether the person has this permission in the current initiative. */
    boolean has(String permission);

    /** Platform operator: manages the platform, not the care data of initiatives. */
    boolean isOperator();

    /** The resident this person acts for (a coordinator helping someone who is not online), if any. */
    Optional<Long> onBehalfOf();
}
