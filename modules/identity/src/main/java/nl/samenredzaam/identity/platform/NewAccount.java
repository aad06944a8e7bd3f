package nl.samenredzaam.identity.platform;

import java.util.Objects;
import java.util.Set;

import nl.samenredzaam.api.module.Role;

/**
 * An account to create in an initiative.
 *
 * @param username    sign-in name (3–64 of {@code a-z 0-9 . _ @ -}, stored in lower case); for an
 *                    offline account {@code null} gives a generated one
 * @param displayName name shown to others (1–200 characters)
 * @param email       e-mail address, or {@code null}; {@code null} for an offline account
 * @param password    the first password (the password rules apply); {@code null} for an offline account
 * @param roles       roles in the initiative, at least one
 * @param offline     created on behalf of a resident who is not online: no e-mail, no password,
 *                    cannot sign in until a password is set
 */
public record NewAccount(String username, String displayName, String email, String password, Set<Role> roles,
        boolean offline) {

    public NewAccount {
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    /** An account for someone who signs in. */
    public static NewAccount online(String username, String displayName, String email, String password, Role... roles) {
        return new NewAccount(username, displayName, email, password, Set.of(roles), false);
    }

    /** A resident who is not online, registered by a coordinator on their behalf. */
    public static NewAccount offlineResident(String displayName) {
        return new NewAccount(null, displayName, null, null, Set.of(Role.RESIDENT), true);
    }
}
