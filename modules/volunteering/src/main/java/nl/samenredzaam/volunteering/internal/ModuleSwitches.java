package nl.samenredzaam.volunteering.internal;

import nl.samenredzaam.api.data.Sql;

/**
 * Whether another module is enabled for the initiative. The platform API has no call for this yet
 * (asked for: {@code WebRequest.isEnabled(moduleId)}); until then we read the platform's switch
 * table, in the caller's transaction and initiative.
 */
final class ModuleSwitches {

    private ModuleSwitches() {
    }

    static boolean enabled(Sql sql, String moduleId) {
        try {
            return sql.first("select enabled from platform_module_switch where initiative_id = :initiative and module_id = :module",
                    r -> r.getBoolean("enabled"), "module", moduleId).orElse(false);
        } catch (RuntimeException e) {
            return false; // no switch table (a test database): treat as disabled, fall back to free text
        }
    }
}
