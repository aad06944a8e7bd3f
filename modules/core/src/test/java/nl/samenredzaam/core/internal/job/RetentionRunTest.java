package nl.samenredzaam.core.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.internal.db.TestDb;
import nl.samenredzaam.core.internal.initiative.InitiativeServiceImpl;

/**
 * The platform's daily retention run: every contributor with a term purges, in every initiative (archived too),
 * once per day per cluster; one failing contributor does not stop the others.
 */
class RetentionRunTest {

    private TestDb db;
    private MovableClock clock;
    private JobScheduler scheduler;

    @BeforeEach
    void open() throws Exception {
        db = TestDb.open(Dialect.H2);
        clock = new MovableClock(Instant.parse("2026-11-26T03:00:00Z"));
        scheduler = new JobScheduler(db.db, InitiativeServiceImpl.standalone(db.db, clock), null, clock, false);
    }

    @AfterEach
    void close() throws Exception {
        scheduler.deactivate();
        db.close();
    }

    @Test
    void everyContributorWithATermPurgesInEveryInitiativeOnceADay() {
        long a = db.newInitiative();
        long b = db.newInitiative();
        db.db.global(sql -> sql.update("update platform_initiative set archived = true where id = :id", "id", b));
        Recording withTerm = new Recording("calendar", Period.ofYears(2), null);
        Recording keptUntilErased = new Recording("buurtnieuws", null, null);
        scheduler.addContributor(withTerm);
        scheduler.addContributor(keptUntilErased);

        assertEquals(1, scheduler.tick(), "the first tick runs the retention");
        assertTrue(withTerm.calls.containsAll(List.of(a, b)), "archived initiatives too: " + withTerm.calls);
        assertEquals(List.of(), keptUntilErased.calls, "no term: nothing to purge");
        assertTrue(withTerm.nows.stream().allMatch(clock.instant()::equals), "purged as of the run's time");

        int calls = withTerm.calls.size();
        clock.advance(Duration.ofHours(23));
        assertEquals(0, scheduler.tick(), "not again within a day");
        assertEquals(calls, withTerm.calls.size());

        clock.advance(Duration.ofHours(1));
        assertEquals(1, scheduler.tick(), "a day later it runs again");
        assertEquals(2 * calls, withTerm.calls.size());
    }

    @Test
    void oneFailingContributorDoesNotStopTheOthersAndRemovedRecordsAreCounted() {
        long a = db.newInitiative();
        Recording failing = new Recording("referral", Period.ofYears(1), new IllegalStateException("broken purge"));
        Recording working = new Recording("wmo-intake", Period.ofYears(15), null);
        scheduler.addContributor(failing);
        scheduler.addContributor(working);

        int removed = scheduler.runRetention();

        assertTrue(working.calls.contains(a), "the other contributor still ran");
        assertEquals(working.calls.size() * 3, removed, "every contributor's removed records are counted");
    }

    @Test
    void withoutContributorsThereIsNothingToClaim() {
        assertEquals(0, scheduler.tick());
        assertEquals(0L, (long) db.db.global(sql -> sql.first("select count(*) from platform_job_run where module_id = 'platform'",
                r -> r.getLong(1)).orElseThrow()));
    }

    /** Records the initiative of every purge call; removes 3 records each time, or throws. */
    static final class Recording implements PrivacyContributor {
        final String module;
        final Period term;
        final RuntimeException failure;
        final List<Long> calls = new CopyOnWriteArrayList<>();
        final List<Instant> nows = new CopyOnWriteArrayList<>();

        Recording(String module, Period term, RuntimeException failure) {
            this.module = module;
            this.term = term;
            this.failure = failure;
        }

        @Override
        public String moduleId() {
            return module;
        }

        @Override
        public Map<String, Object> export(Sql sql, Person person) {
            return Map.of();
        }

        @Override
        public Erasure erase(Sql sql, Person person) {
            throw new AssertionError("not called by the retention run");
        }

        @Override
        public Text retention() {
            return Text.of("test", "test");
        }

        @Override
        public Period retentionTerm() {
            return term;
        }

        @Override
        public int purgeExpired(Sql sql, Instant now) {
            if (failure != null) {
                throw failure;
            }
            calls.add(sql.initiativeId());
            nows.add(now);
            return 3;
        }
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
