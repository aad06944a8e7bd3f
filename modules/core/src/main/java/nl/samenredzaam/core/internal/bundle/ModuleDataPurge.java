package nl.samenredzaam.core.internal.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * Deletes everything an uninstalled module left in the database: its tables (named
 * {@code <module>_...}, dashes as underscores), its migration history and its switches and
 * settings. Only ever called for a module whose bundle is gone, after the operator typed its id.
 */
final class ModuleDataPurge {

    private static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    /** Prefixes of the platform's own tables: never purged. */
    private static final Set<String> PLATFORM = Set.of("platform", "identity", "audit", "web", "databasechangelog");

    private ModuleDataPurge() {
    }

    static String tablePrefix(String moduleId) {
        return moduleId.replace('-', '_') + "_";
    }

    static List<String> purge(PlatformDatabase db, String moduleId) {
        if (!MODULE_ID.matcher(moduleId).matches() || PLATFORM.contains(moduleId.replace('-', '_'))) {
            throw ProblemException.invalidField("moduleId", "Geen modulenaam / not a module id");
        }
        String prefix = tablePrefix(moduleId);
        return db.global(sql -> {
            List<String> tables = new ArrayList<>();
            for (String name : sql.list("select table_name from information_schema.tables "
                    + "where lower(table_schema) = 'public' and lower(table_name) like :prefix escape '!'",
                    r -> r.getString(1).toLowerCase(Locale.ROOT), "prefix", prefix.replace("_", "!_") + "%")) {
                if (TABLE.matcher(name).matches() && name.startsWith(prefix)) {
                    tables.add(name);
                }
            }
            for (String table : tables) {
                sql.update("drop table if exists " + table + " cascade");
            }
            String changelog = "db/" + moduleId + "/%";
            sql.update("delete from databasechangelog where filename like :path", "path", changelog);
            sql.update("delete from platform_migration_state where changelog like :path", "path", changelog);
            sql.update("delete from platform_module_switch where module_id = :m", "m", moduleId);
            sql.update("delete from platform_module_setting where module_id = :m", "m", moduleId);
            sql.update("delete from platform_demo_run where module_id = :m", "m", moduleId);
            return tables;
        });
    }
}
