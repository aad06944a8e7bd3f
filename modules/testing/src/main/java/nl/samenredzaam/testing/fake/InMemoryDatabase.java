package nl.samenredzaam.testing.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.concurrent.atomic.AtomicInteger;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.db.TestDatabases;

/**
 * An H2 database in memory with the platform's tables and the module's own Liquibase changelog
 * migrated, handing out initiative-scoped {@link Sql} exactly like the platform: it is core's own
 * {@code JdbcDatabase}, so a statement without {@code :initiative} is refused, {@code :initiative}
 * is bound for you, and a transaction commits when the work returns and rolls back when it throws.
 *
 * <pre>{@code
 * try (InMemoryDatabase db = InMemoryDatabase.forModule("buurtnieuws")) {
 *     Initiative a = db.newInitiative();
 *     long id = db.transaction(a.id(), sql -> repository.create(sql, ...));
 * }
 * }</pre>
 *
 * <p>Fast (no files) but H2 only: prove a repository on PostgreSQL as well with
 * {@link nl.samenredzaam.testing.db.DatabaseTest @DatabaseTest}.
 */
public final class InMemoryDatabase implements Database, AutoCloseable {

    /** The bundle header naming the module. */
    public static final String MODULE_HEADER = "Samenredzaam-Module";
    /** The bundle header naming the module's changelogs (comma separated). */
    public static final String MIGRATIONS_HEADER = "Samenredzaam-Migrations";

    private static final AtomicInteger SLUGS = new AtomicInteger();

    private final TestDatabase db;

    private InMemoryDatabase(TestDatabase db) {
        this.db = db;
    }

    /**
     * A database with the changelogs of module {@code moduleId} migrated. They are found as the
     * platform finds them, in the {@value #MIGRATIONS_HEADER} header of the bundle whose
     * {@value #MODULE_HEADER} is {@code moduleId}: in a manifest on the class path (bnd writes
     * {@code target/classes/META-INF/MANIFEST.MF} before the tests run), else in {@code bnd.bnd}
     * in the working directory, else {@code db/<moduleId>/changelog.sql} when that resource exists.
     *
     * @throws IllegalArgumentException when none of these names a changelog
     * @throws IllegalStateException when a migration fails
     */
    public static InMemoryDatabase forModule(String moduleId) {
        return withChangelogs(changelogsOf(moduleId).toArray(String[]::new));
    }

    /**
     * A database with the platform's tables and these class path changelogs migrated, in order
     * (e.g. another module's changelog your module reads through its cooperation service).
     */
    public static InMemoryDatabase withChangelogs(String... changelogs) {
        TestDatabase db = TestDatabases.h2InMemory();
        try {
            db.migrate(changelogs);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new InMemoryDatabase(db);
    }

    /**
     * The changelogs of a module, found as described at {@link #forModule(String)}.
     *
     * @throws IllegalArgumentException when none is found
     */
    public static List<String> changelogsOf(String moduleId) {
        Objects.requireNonNull(moduleId, "moduleId");
        ClassLoader loader = loader();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    if (moduleId.equals(trim(main.getValue(MODULE_HEADER)))) {
                        List<String> found = split(main.getValue(MIGRATIONS_HEADER));
                        if (!found.isEmpty()) {
                            return found;
                        }
                    }
                }
            }
            Path bnd = Path.of("bnd.bnd");
            if (Files.isRegularFile(bnd)) {
                String module = null;
                String migrations = null;
                for (String line : Files.readAllLines(bnd)) {
                    if (line.startsWith(MODULE_HEADER + ":")) {
                        module = line.substring(MODULE_HEADER.length() + 1).trim();
                    } else if (line.startsWith(MIGRATIONS_HEADER + ":")) {
                        migrations = line.substring(MIGRATIONS_HEADER.length() + 1);
                    }
                }
                if (moduleId.equals(module) && !split(migrations).isEmpty()) {
                    return split(migrations);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundle headers on the class path", e);
        }
        String conventional = "db/" + moduleId + "/changelog.sql";
        if (loader.getResource(conventional) != null) {
            return List.of(conventional);
        }
        throw new IllegalArgumentException("no changelog found for module '" + moduleId + "': no manifest or bnd.bnd with "
                + MODULE_HEADER + ": " + moduleId + " and " + MIGRATIONS_HEADER + ", and no resource " + conventional);
    }

    /** Creates an initiative with a slug unique in this test run, the way the platform does. */
    public Initiative newInitiative() {
        int n = SLUGS.incrementAndGet();
        return createInitiative("unit-" + n, "Initiatief " + n);
    }

    /** Creates an initiative with this slug and name (the platform's slug rules apply). */
    public Initiative createInitiative(String slug, String name) {
        return db.createInitiative(slug, name);
    }

    /** {@inheritDoc} Core's own implementation: {@code :initiative} is required and bound. */
    @Override
    public <T> T transaction(long initiativeId, Work<T> work) {
        return db.database().transaction(initiativeId, work);
    }

    /**
     * A transaction that stays open until committed or closed, as the platform opens for a web
     * request ({@link FakeWebRequest} uses it). Closing without {@code commit()} rolls back.
     */
    public PlatformDatabase.Transaction begin(long initiativeId) {
        return db.platform().begin(initiativeId);
    }

    /** The changelogs migrated, the platform's first. */
    public List<String> changelogs() {
        return db.migrated();
    }

    /** Always {@link Sql.Dialect#H2}. */
    public Sql.Dialect dialect() {
        return db.dialect();
    }

    /** The underlying test database, e.g. for {@code platform().global(...)} checks across initiatives. */
    public TestDatabase testDatabase() {
        return db;
    }

    /** Drops the database. */
    @Override
    public void close() {
        db.close();
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : InMemoryDatabase.class.getClassLoader();
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 ? value.substring(0, semicolon) : value).trim();
    }

    private static List<String> split(String value) {
        List<String> result = new ArrayList<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(result::add);
        }
        return result;
    }
}
