package nl.samenredzaam.api.module;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.web.Route;

/**
 * The description of a module, registered as an OSGi service by the module's bundle. The
 * platform finds modules through the service registry; the module's version is its bundle's.
 *
 * <p>Routes are served by the platform's front dispatcher at {@code /{slug}/{id}/...} (pages)
 * and {@code /api/v1/{slug}/{id}/...} (JSON) only while the module is enabled for that
 * initiative, and only to people with the route's permission.
 */
@ConsumerType
public interface Module {

    /** Stable id, lower case letters, digits and dashes, e.g. {@code calendar}; also the URL segment. */
    String id();

    /** Name shown to admins and in menus. */
    Text name();

    /** One or two sentences on what the module does, for the admin's switchboard. */
    Text summary();

    /** Permissions this module defines, with their default roles. */
    default List<Permission> permissions() {
        return List.of();
    }

    /** Ids of other modules this one can work with when they are enabled too. */
    default Set<String> worksWith() {
        return Set.of();
    }

    /** Navigation entries. */
    default List<MenuItem> menu() {
        return List.of();
    }

    /** Pages and API endpoints. */
    default List<Route> routes() {
        return List.of();
    }

    /** Per-initiative settings the admin can change. */
    default List<Setting> settings() {
        return List.of();
    }
}
