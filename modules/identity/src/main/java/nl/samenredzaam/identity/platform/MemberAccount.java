package nl.samenredzaam.identity.platform;

import java.util.Set;

import nl.samenredzaam.api.module.Role;

/**
 * A member of an initiative, for the admin's member list.
 *
 * @param userId      user id
 * @param username    sign-in name
 * @param displayName name shown to others
 * @param email       e-mail address, or {@code null}
 * @param roles       roles in the initiative
 * @param offline     an account created on behalf of a resident who is not online (no password)
 * @param disabled    the account cannot sign in
 */
public record MemberAccount(long userId, String username, String displayName, String email, Set<Role> roles, boolean offline,
        boolean disabled) {

    public MemberAccount {
        roles = Set.copyOf(roles);
    }
}
