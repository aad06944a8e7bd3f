package nl.samenredzaam.api.identity;

import java.util.Set;

import nl.samenredzaam.api.module.Role;

/**
 * A member of the initiative as other members may see them.
 *
 * @param userId      account id
 * @param displayName name
 * @param email       e-mail address, or {@code null} (accounts made on behalf of someone have none)
 * @param roles       roles in the initiative
 */
public record Member(long userId, String displayName, String email, Set<Role> roles) {
    public Member {
        roles = Set.copyOf(roles);
    }
}
