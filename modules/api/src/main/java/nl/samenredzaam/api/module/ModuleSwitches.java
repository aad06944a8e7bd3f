package nl.samenredzaam.api.module;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Whether a module is switched on for an initiative, for modules that cooperate: offer the other
 * module's service only when it is enabled there, and fall back to free text otherwise.
 * Implemented by the platform; the answer comes from memory and costs nothing.
 */
@ProviderType
public interface ModuleSwitches {

    /** True when the module is enabled for the initiative and running. */
    boolean isEnabled(long initiativeId, String moduleId);
}
