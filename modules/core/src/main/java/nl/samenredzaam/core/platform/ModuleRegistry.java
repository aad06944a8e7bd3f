package nl.samenredzaam.core.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

import nl.samenredzaam.api.module.Module;

/**
 * The module switchboard: which modules exist (from the service registry) and which are enabled
 * for which initiative. {@link #isEnabled} is on every request's path and costs a map lookup.
 */
@ProviderType
public interface ModuleRegistry {

    /** A module that can serve now, with the bundle that registered it. */
    record Active(Module module, Bundle bundle) {
    }

    /** Every module the platform knows, sorted by id. */
    List<ModuleInfo> modules();

    Optional<ModuleInfo> info(String moduleId);

    /** The module if it can serve requests now (started, migrated, registered). */
    Optional<Active> active(String moduleId);

    /** All modules that can serve now. */
    List<Active> activeModules();

    boolean isEnabled(long initiativeId, String moduleId);

    Set<String> enabledModules(long initiativeId);

    /** Switches a module for an initiative; a 404 problem for an unknown module. Effective on the next request. */
    void setEnabled(long initiativeId, String moduleId, boolean enabled);

    /** The module's settings for an initiative: every declared setting with its value or default. */
    Map<String, String> settings(long initiativeId, String moduleId);

    /** Changes settings; a 400 problem names an unknown key. */
    void updateSettings(long initiativeId, String moduleId, Map<String, String> values);

    /** Forgets cached switches, e.g. after another node changed them. */
    void invalidate(long initiativeId);

    /** Forgets the cached switches of every initiative. */
    void invalidateAll();

    /**
     * Calls {@code listener} (on the thread that made the change) whenever a module service comes or
     * goes; close the result to stop. For waiting on a module without polling. The default (for test
     * fakes) never calls the listener.
     */
    default AutoCloseable onChange(Runnable listener) {
        return () -> {
        };
    }
}
