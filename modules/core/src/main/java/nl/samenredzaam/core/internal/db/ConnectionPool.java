package nl.samenredzaam.core.internal.db;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import nl.samenredzaam.api.data.Sql.Dialect;

/** Builds the HikariCP pool around the driver's own DataSource (no class loading by name, which OSGi dislikes). */
final class ConnectionPool {

    private ConnectionPool() {
    }

    static HikariDataSource create(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("samenredzaam");
        config.setDataSource(driverDataSource(settings));
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        config.setAutoCommit(false);
        // Fail fast at start only for a missing H2 file lock etc.; PostgreSQL may come up later.
        config.setInitializationFailTimeout(settings.dialect() == Dialect.H2 ? 1 : -1);
        return new HikariDataSource(config);
    }

    private static DataSource driverDataSource(DatabaseSettings settings) {
        if (settings.dialect() == Dialect.POSTGRESQL) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(settings.url());
            if (settings.user() != null) {
                ds.setUser(settings.user());
            }
            if (settings.password() != null) {
                ds.setPassword(settings.password());
            }
            ds.setConnectTimeout(5);
            ds.setSocketTimeout(60);
            return ds;
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(settings.url());
        ds.setUser(settings.user());
        ds.setPassword(settings.password());
        return ds;
    }
}
