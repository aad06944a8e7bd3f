package nl.samenredzaam.api.module;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module's per-initiative {@link Setting settings}, for work outside a web request: scheduled
 * jobs, cooperation services called by other modules, mail. Inside a request, use
 * {@link nl.samenredzaam.api.web.WebRequest#setting(String)}. Implemented by the platform; the
 * answer reflects a change by the initiative admin from the next call on, on every node.
 *
 * <p>Modules read their own settings, and may read another module's to cooperate (e.g. the help
 * categories of volunteering). They never read the platform's tables for this.
 *
 * @since 1.1
 */
@ProviderType
public interface ModuleSettings {

    /**
     * The value of a setting for an initiative: what the initiative admin set, or else the
     * module's declared {@link Setting#defaultValue() default}.
     *
     * @param initiativeId the initiative
     * @param moduleId     the module that declares the setting (see {@link Module#settings()})
     * @param key          the setting's key
     * @return the value; empty when the module is not installed or declares no such setting
     */
    Optional<String> value(long initiativeId, String moduleId, String key);
}
