package nl.samenredzaam.api.identity;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;

/**
 * The members of the initiative of the given {@link Sql}, e.g. to assign a professional or a coach.
 * Implemented by the platform.
 */
@ProviderType
public interface Directory {

    /** Members with this role, by name. */
    List<Member> withRole(Sql sql, Role role);

    /** A member by account id; empty when the person is not a member of this initiative. */
    Optional<Member> member(Sql sql, long userId);
}
