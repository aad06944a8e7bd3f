package nl.samenredzaam.core.internal.db;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;

/**
 * Runs one bundle's Liquibase changelog. Liquibase keeps its own lock table, so several nodes
 * starting at once migrate one after the other.
 */
public final class Migrator {

    private Migrator() {
    }

    public static void migrate(DataSource dataSource, ResourceAccessor resources, String changelog) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), resources,
                    Scope.Attr.classLoader.name(), Migrator.class.getClassLoader());
            Scope.child(scope, () -> {
                @SuppressWarnings("deprecation")
                Liquibase liquibase = new Liquibase(changelog, resources, database);
                liquibase.update(new Contexts(), new LabelExpression());
            });
            connection.commit();
        }
    }
}
