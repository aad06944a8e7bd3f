package nl.samenredzaam.identity.platform;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;

/**
 * Members of an initiative and their roles, for the admin pages. Every method checks {@code by}
 * against the database: the initiative's admins may do everything here; the platform operator
 * may too (to appoint the first admin of a new initiative); a coordinator may only create offline
 * residents. Otherwise a 403 problem. Changes are written to the initiative's audit log.
 */
@ProviderType
public interface MemberService {

    /** Members with their roles, sorted by display name. */
    List<MemberAccount> members(Actor by, Initiative initiative);

    /** One member; empty when the user is not a member of the initiative. */
    Optional<MemberAccount> member(Actor by, Initiative initiative, long userId);

    /** An existing account by user name, to add it to the initiative. */
    Optional<Account> findAccount(Actor by, Initiative initiative, String username);

    /** Gives a user a role in the initiative (nothing changes when they have it already). A 404 problem for an unknown user. */
    void addRole(Actor by, Initiative initiative, long userId, Role role);

    /** Takes a role away. A 409 problem when it would leave the initiative without an admin. */
    void removeRole(Actor by, Initiative initiative, long userId, Role role);

    /**
     * Creates an account with roles in the initiative. A 400 problem naming the fields that are
     * wrong ({@code username}, {@code displayName}, {@code email}, {@code password}, {@code roles}),
     * 409 when the user name is taken.
     */
    Account createAccount(Actor by, Initiative initiative, NewAccount account);

    /** Whether a member has two-step verification on (for the member page). */
    boolean hasSecondFactor(Actor by, Initiative initiative, long userId);

    /**
     * Turns a member's two-step verification off, for someone who lost both phone and recovery
     * codes: they sign in with the password and set it up again. Audited
     * ({@code identity.second-factor}) and the member is told by e-mail. 404 for a non-member.
     */
    void resetSecondFactor(Actor by, Initiative initiative, long userId);
}
