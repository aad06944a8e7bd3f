package nl.samenredzaam.testing.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import nl.samenredzaam.api.data.Sql;

/**
 * Runs tests once per database, on H2 and on PostgreSQL, each run with a fresh database that has
 * the platform's tables and the given {@link #migrations()}. Parameters of type
 * {@link TestDatabase}, {@link nl.samenredzaam.api.data.Database} or {@link Sql.Dialect} get the
 * current run's. A test class gets one database per kind, shared by its tests and removed after
 * the class: keep tests apart by giving each its own initiative
 * ({@link TestDatabase#newInitiative()}), which also exercises the initiative scoping.
 *
 * <p><b>On a class</b>, the whole class runs once per database; its constructor, {@code @BeforeEach}
 * and test methods (plain {@code @Test}) can take the parameters:
 *
 * <pre>{@code
 * @DatabaseTest(migrations = "db/calendar/changelog.sql")
 * class EventRepositoryTest {
 *     private final TestDatabase db;
 *     private final EventRepository events = new EventRepository();
 *
 *     EventRepositoryTest(TestDatabase db) {
 *         this.db = db;
 *     }
 *
 *     @Test
 *     void storesAnEvent() {
 *         long initiative = db.newInitiative();
 *         long id = db.inInitiative(initiative, sql -> events.add(sql, "Koffieochtend"));
 *         assertEquals("Koffieochtend", db.inInitiative(initiative, sql -> events.byId(sql, id)).orElseThrow().title());
 *     }
 * }
 * }</pre>
 *
 * <p><b>On a method</b>, instead of {@code @Test}: that test runs once per database; it and the
 * class's {@code @BeforeEach}/{@code @AfterEach} methods can take the parameters. Prefer this
 * form when the numbers in the XML reports matter: Surefire 3.5.4 writes a class template's
 * report with {@code tests="0" failures="0"} in its header (the test cases and their failures are
 * inside, the console summary and the build result are right).
 *
 * <pre>{@code
 * class EventRepositoryTest {
 *     @DatabaseTest(migrations = "db/calendar/changelog.sql")
 *     void storesAnEvent(TestDatabase db) { ... }
 *
 *     @DatabaseTest(migrations = "db/calendar/changelog.sql", databases = Sql.Dialect.POSTGRESQL)
 *     void rowLevelSecurity(TestDatabase db) { ... }
 * }
 * }</pre>
 *
 * Reports number the runs {@code [1]} (H2) and {@code [2]} (PostgreSQL); a failure message starts
 * with the database's name. {@code -Dsamenredzaam.test.databases=h2} limits a local run to H2 (CI
 * runs both). {@code @BeforeAll}/{@code @AfterAll} run once around all runs and get no database.
 * Not both forms in one class.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ClassTemplate
@TestTemplate
@ExtendWith(DatabaseTestExtension.class)
public @interface DatabaseTest {

    /**
     * Liquibase changelogs on the test class path, run in this order after the platform's
     * changelog (each at most once per database).
     */
    String[] migrations() default {};

    /** The databases to run on; both by default. */
    Sql.Dialect[] databases() default {Sql.Dialect.H2, Sql.Dialect.POSTGRESQL};
}
