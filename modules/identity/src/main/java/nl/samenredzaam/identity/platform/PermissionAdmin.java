package nl.samenredzaam.identity.platform;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;

/**
 * Which roles have which module permission in an initiative. Defaults come from each active
 * module's {@link nl.samenredzaam.api.module.Module#permissions()}; the initiative's admin can
 * grant or revoke a permission for a role. Only the initiative's admins may call this (a 403
 * problem otherwise; the platform operator is no exception).
 */
@ProviderType
public interface PermissionAdmin {

    /** Every permission of the active modules, sorted by id, with the roles that have it here. */
    List<RolePermission> permissions(Actor by, Initiative initiative);

    /**
     * Grants or revokes a permission for a role in the initiative; setting it back to the
     * module's default removes the change. A 404 problem for a permission no active module
     * defines. Effective on the next request on this node, within
     * {@link SecurityPolicy#PERMISSION_CACHE_TTL} on others.
     */
    void setGranted(Actor by, Initiative initiative, String permission, Role role, boolean granted);

    /** Forgets the cached role table of an initiative, e.g. after another node changed it. */
    void invalidate(long initiativeId);
}
