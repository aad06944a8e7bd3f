package nl.samenredzaam.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs one bundle's Liquibase changelog. Liquibase keeps its own lock table, so several nodes
 * starting at once migrate one after the other.
 *
 * <p>Fast path: the SHA-256 of the changelog is recorded after a successful run
 * ({@code platform_migration_state}); when it has not changed, Liquibase is not started at all.
 * Starting Liquibase costs hundreds of milliseconds per bundle, which would otherwise be paid on
 * every start of the platform.
 */
public final class Migrator {

    private Migrator() {
    }

    /** Reads the changelog; {@code null} when the bundle lacks it. */
    @FunctionalInterface
    public interface ChangelogSource {
        InputStream open(String path) throws IOException;
    }

    /**
     * Migrates unless the recorded checksum matches.
     *
     * @return {@code true} when Liquibase ran, {@code false} when the fast path skipped it
     */
    public static boolean migrate(DataSource dataSource, Supplier<ResourceAccessor> resources, ChangelogSource source,
            String changelog) throws Exception {
        String checksum = checksum(source, changelog);
        String key = changelogKey(changelog);
        if (checksum != null && checksum.equals(recorded(dataSource, key))) {
            // Not even the resource accessor is made: constructing it initialises Liquibase's root
            // scope, which loads about 500 classes (the start-up profile in docs/performance.md).
            return false;
        }
        migrate(dataSource, resources.get(), changelog);
        if (checksum != null) {
            record(dataSource, key, checksum);
        }
        return true;
    }

    /** Runs Liquibase for the changelog, always. */
    public static void migrate(DataSource dataSource, ResourceAccessor resources, String changelog) throws Exception {
        // Liquibase finds its own parts (database types, change types, its log service) with
        // java.util.ServiceLoader through the context class loader and its scope's class loader.
        // Both are Liquibase's own bundle class loader here, which sees its META-INF/services, so
        // no Service Loader Mediator is needed (cnf/runtime.bnd explains why SPI Fly is not started).
        ClassLoader liquibaseLoader = Liquibase.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(liquibaseLoader);
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), resources,
                    Scope.Attr.classLoader.name(), liquibaseLoader,
                    // Liquibase's progress goes to the log, not to the console.
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    // The update command's summary table (it printed to stdout): to the log, where
                    // Liquibase is at WARN; core logs one line per migrated bundle instead.
                    "liquibase.command.showSummaryOutput", "LOG",
                    "liquibase.analytics.enabled", Boolean.FALSE);
            Scope.child(scope, () -> {
                @SuppressWarnings("deprecation")
                Liquibase liquibase = new Liquibase(changelog, resources, database);
                liquibase.update(new Contexts(), new LabelExpression());
            });
            connection.commit();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static String changelogKey(String changelog) {
        return changelog.length() > 300 ? changelog.substring(0, 300) : changelog;
    }

    private static String checksum(ChangelogSource source, String changelog) throws IOException {
        try (InputStream in = source.open(changelog)) {
            if (in == null) {
                return null;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(in.readAllBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recorded(DataSource dataSource, String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select checksum from platform_migration_state where changelog = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                String value = rs.next() ? rs.getString(1) : null;
                c.rollback();
                return value;
            }
        } catch (SQLException e) {
            // no state table yet (first start): migrate
            return null;
        }
    }

    private static void record(DataSource dataSource, String key, String checksum) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("delete from platform_migration_state where changelog = ?");
                    PreparedStatement ins = c.prepareStatement(
                            "insert into platform_migration_state (changelog, checksum, migrated_at) values (?, ?, ?)")) {
                del.setString(1, key);
                del.executeUpdate();
                ins.setString(1, key);
                ins.setString(2, checksum);
                ins.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

}
