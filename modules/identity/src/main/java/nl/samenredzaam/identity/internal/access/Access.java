package nl.samenredzaam.identity.internal.access;

import java.util.Set;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;

/**
 * Who may use the admin services, decided from the database (not from the {@link Actor} object
 * the caller hands in, which only names the user): the initiative's admins, and for membership
 * the platform operator. Disabled accounts may do nothing.
 */
public final class Access {

    private final PlatformDatabase db;
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();

    public Access(PlatformDatabase db) {
        this.db = db;
    }

    /** The caller's current roles in the initiative; 403 for a missing or disabled account. */
    public Set<Role> rolesOf(Actor by, Initiative initiative) {
        requireEnabled(by);
        return db.transaction(initiative.id(), sql -> memberships.roles(sql, by.userId()));
    }

    /** Initiative admins only. */
    public void requireAdmin(Actor by, Initiative initiative) {
        if (!rolesOf(by, initiative).contains(Role.ADMIN)) {
            throw ProblemException.forbidden();
        }
    }

    /** Initiative admins, or the platform operator (to appoint the first admin). */
    public void requireMemberManager(Actor by, Initiative initiative) {
        UserRow user = requireEnabled(by);
        if (user.operator()) {
            return;
        }
        requireAdmin(by, initiative);
    }

    /** Whether the caller is a (not disabled) operator. */
    public boolean isOperator(Actor by) {
        return requireEnabled(by).operator();
    }

    private UserRow requireEnabled(Actor by) {
        if (by == null) {
            throw new ProblemException(401, "Sign in first");
        }
        UserRow user = db.global(sql -> users.byId(sql, by.userId())).orElseThrow(ProblemException::forbidden);
        if (user.disabled()) {
            throw ProblemException.forbidden();
        }
        return user;
    }
}
