package nl.samenredzaam.core.platform;

import nl.samenredzaam.api.i18n.Text;

/**
 * What the platform knows about one module: from its bundle (installed or not started) and, when
 * it runs, from its {@link nl.samenredzaam.api.module.Module} service.
 *
 * @param id           module id
 * @param name         name (the bundle name while the module service is not there)
 * @param summary      summary
 * @param version      bundle version
 * @param symbolicName bundle symbolic name
 * @param state        whether it can serve
 * @param problem      for a failed module: what went wrong, in plain words; otherwise {@code null}
 */
public record ModuleInfo(String id, Text name, Text summary, String version, String symbolicName, State state,
        String problem) {

    /** Whether a module can serve requests. */
    public enum State {
        /** Started, migrated and its module service registered: it serves. */
        ACTIVE,
        /** Installed but not started (stopped, or waiting for what it needs). */
        STOPPED,
        /** Its bundle started but the module could not: migration failed, activation threw, a reference is missing. */
        FAILED
    }
}
