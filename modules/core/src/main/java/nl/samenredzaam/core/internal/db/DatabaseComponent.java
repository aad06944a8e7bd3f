package nl.samenredzaam.core.internal.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

import liquibase.resource.OSGiResourceAccessor;
import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.internal.cluster.ClusterEventsImpl;
import nl.samenredzaam.core.platform.ClusterEvents;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * Opens the connection pool, migrates the platform's own tables and then registers the
 * {@link PlatformDatabase} service. When the database cannot be reached at start, it keeps
 * trying in the background; until then the platform answers 503 on {@code /health}.
 */
@Component(immediate = true)
public final class DatabaseComponent {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);
    static final String CORE_CHANGELOG = "db/platform/changelog.sql";

    private final BundleContext context;
    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final ScheduledExecutorService retry;
    private volatile ServiceRegistration<?> registration;
    private volatile ServiceRegistration<?> migrationRegistration;
    private volatile MigrationExtender extender;
    private volatile ClusterEventsImpl cluster;
    private volatile ServiceRegistration<?> clusterRegistration;
    private volatile boolean stopped;

    @Activate
    public DatabaseComponent(BundleContext context) {
        this.context = context;
        this.settings = DatabaseSettings.from(context::getProperty);
        LOG.info("Database: {}", settings);
        if (settings.dialect() == Dialect.H2) {
            installTemplate(DatabaseSettings.h2File(context::getProperty), context.getProperty(H2Template.PROPERTY));
        }
        this.pool = ConnectionPool.create(settings);
        this.retry = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "samenredzaam-db-start"));
        tryStart();
    }

    private static void installTemplate(Path database, String template) {
        try {
            if (H2Template.installIfNew(database, template)) {
                LOG.info("New database from the migrated template in the jar");
            }
        } catch (IOException | RuntimeException e) {
            // not fatal: Liquibase then migrates the empty database as it always could
            LOG.warn("Could not copy the database template ({}); migrating an empty database", e.toString());
        }
    }

    private void tryStart() {
        if (stopped) {
            return;
        }
        try {
            Migrator.migrate(pool, () -> new OSGiResourceAccessor(context.getBundle()),
                    path -> MigrationExtender.entry(context.getBundle(), path), CORE_CHANGELOG);
            // Migrate the bundles that are already active before anyone can use the database:
            // their components activate as soon as the database service appears.
            MigrationExtender migrations = new MigrationExtender(context, pool);
            migrations.open();
            extender = migrations;
            migrationRegistration = context.registerService(MigrationStatus.class, migrations, null);
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("samenredzaam.db.dialect", settings.dialect().name());
            registration = context.registerService(new String[] {PlatformDatabase.class.getName(), Database.class.getName()},
                    new JdbcDatabase(pool, settings.dialect()), props);
            ClusterEventsImpl events = new ClusterEventsImpl(pool, settings.dialect() == Dialect.POSTGRESQL);
            cluster = events;
            clusterRegistration = context.registerService(ClusterEvents.class, events, null);
            retry.shutdown();
        } catch (Exception e) {
            LOG.warn("Database not ready ({}); trying again in 2 seconds", e.getClass().getSimpleName());
            LOG.debug("Database start failed", e);
            retry.schedule(this::tryStart, 2, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        nl.samenredzaam.core.internal.Executors2.stopGracefully(retry, 10);
        unregister(clusterRegistration);
        ClusterEventsImpl events = cluster;
        if (events != null) {
            events.close();
        }
        MigrationExtender migrations = extender;
        if (migrations != null) {
            migrations.close();
        }
        unregister(migrationRegistration);
        unregister(registration);
        pool.close();
    }

    private static void unregister(ServiceRegistration<?> reg) {
        if (reg != null) {
            try {
                reg.unregister();
            } catch (IllegalStateException alreadyGone) {
                // framework stopping
            }
        }
    }
}
