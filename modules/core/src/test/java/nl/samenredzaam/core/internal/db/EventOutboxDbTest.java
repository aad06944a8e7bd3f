package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.event.EventOutbox;

/**
 * The API's {@link EventOutbox} on core's transactions, on both databases: posted right after the
 * commit, never for a rollback, in order, left-behind events posted by the job, and a row claimed by
 * one publisher is never posted by another.
 */
class EventOutboxDbTest {

    private static final String TOPIC = DomainEvents.topic("testoutbox", "noted");
    private static final String OTHER = DomainEvents.topic("testoutbox", "closed");
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private TestDb db;
    private final List<String> posted = Collections.synchronizedList(new ArrayList<>());
    private volatile EventOutbox.Sink sink = (topic, properties) -> posted.add(topic + " " + new java.util.TreeMap<>(properties));

    @BeforeEach
    void open(TestDb db) throws Exception {
        this.db = db;
        db.migrate("db/testoutbox/changelog.sql");
    }

    private EventOutbox outbox(Database database) {
        return new EventOutbox("testoutbox_event_outbox", Map.of("note", "note_id", "status", "status"), () -> sink, () -> database);
    }

    @BothDatabases
    void eventsArePostedRightAfterTheCommitInTheirOrderWithoutAJobInOneTransaction() {
        List<Long> publishing = new ArrayList<>();
        Database counting = new Database() {
            @Override
            public <T> T transaction(long initiativeId, Work<T> work) {
                publishing.add(initiativeId);
                return db.db.transaction(initiativeId, work);
            }
        };
        EventOutbox outbox = outbox(counting);
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> {
            outbox.record(sql, TOPIC, Map.of("note", 7L), NOW);
            outbox.record(sql, OTHER, Map.of("note", 7L, "status", "DONE"), NOW);
            outbox.record(sql, TOPIC, Map.of("note", 8L), NOW);
            assertEquals(List.of(), posted, "nothing inside the transaction");
            return null;
        });
        assertEquals(List.of(TOPIC + " {initiative=" + initiative + ", note=7}",
                OTHER + " {initiative=" + initiative + ", note=7, status=DONE}",
                TOPIC + " {initiative=" + initiative + ", note=8}"), posted);
        assertEquals(List.of(initiative), publishing, "one publishing transaction for the three");
        assertEquals(0, waiting(initiative), "and deleted");
        db.db.transaction(initiative, sql -> outbox.record(sql, OTHER, Map.of("note", 9L), NOW));
        assertEquals(4, posted.size(), "the next transaction has its own hook");
        assertEquals(2, publishing.size());
    }

    @BothDatabases
    void aRolledBackTransactionPostsNothingAndLeavesNothing() {
        EventOutbox outbox = outbox(db.db);
        long initiative = db.newInitiative();
        assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, sql -> {
            outbox.record(sql, TOPIC, Map.of("note", 8L), NOW);
            throw new IllegalStateException("a later step fails");
        }));
        assertEquals(0, db.db.transaction(initiative, outbox::publishPending));
        assertEquals(List.of(), posted);
        assertEquals(0, waiting(initiative));
    }

    @BothDatabases
    void anEventLeftBehindIsPostedByTheJobOnceAndOnlyForItsInitiative() {
        EventOutbox crashed = outbox(null); // as if the node died between the commit and the after-commit hook
        long initiative = db.newInitiative();
        long other = db.newInitiative();
        db.db.transaction(initiative, sql -> crashed.record(sql, TOPIC, Map.of("note", 9L), NOW));
        assertEquals(List.of(), posted);
        EventOutbox job = outbox(db.db);
        assertEquals(0, db.db.transaction(other, job::publishPending), "another initiative's run does not post it");
        assertEquals(1, db.db.transaction(initiative, job::publishPending));
        assertEquals(0, db.db.transaction(initiative, job::publishPending), "once");
        assertEquals(List.of(TOPIC + " {initiative=" + initiative + ", note=9}"), posted);
    }

    @BothDatabases
    void withoutASinkEventsWaitAndAFailingSinkPutsThemBack() {
        EventOutbox outbox = outbox(db.db);
        long initiative = db.newInitiative();
        sink = null;
        db.db.transaction(initiative, sql -> outbox.record(sql, TOPIC, Map.of("note", 10L), NOW));
        assertEquals(1, waiting(initiative), "no Event Admin: the event waits");
        sink = (topic, properties) -> {
            throw new IllegalStateException("Event Admin went away");
        };
        assertThrows(IllegalStateException.class, () -> db.db.transaction(initiative, outbox::publishPending));
        assertEquals(1, waiting(initiative), "the claim is rolled back with the failed post");
        sink = (topic, properties) -> posted.add(topic);
        assertEquals(1, db.db.transaction(initiative, outbox::publishPending));
        assertEquals(List.of(TOPIC), posted);
    }

    @BothDatabases
    void twoPublishersNeverBothPostTheSameRow() throws Exception {
        EventOutbox crashed = outbox(null);
        EventOutbox outbox = outbox(db.db);
        long initiative = db.newInitiative();
        db.db.transaction(initiative, sql -> crashed.record(sql, TOPIC, Map.of("note", 11L), NOW));
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> db.db.transaction(initiative, sql -> {
            int n = outbox.publishPending(sql);
            claimed.countDown();
            finish.await(20, TimeUnit.SECONDS); // holds its claim, uncommitted
            return n;
        }));
        assertEquals(true, claimed.await(20, TimeUnit.SECONDS));
        // the second one reads the row or waits on the first one's delete: either way it finds nothing to post
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> db.db.transaction(initiative, outbox::publishPending));
        finish.countDown();
        assertEquals(1, first.get(30, TimeUnit.SECONDS));
        assertEquals(0, second.get(30, TimeUnit.SECONDS));
        assertEquals(List.of(TOPIC + " {initiative=" + initiative + ", note=11}"), posted);
    }

    @BothDatabases
    void badNamesAndUnknownPropertiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EventOutbox("x; drop table y", Map.of(), () -> sink, () -> db.db));
        assertThrows(IllegalArgumentException.class, () -> new EventOutbox("t", Map.of("initiative", "initiative_id"), () -> sink, () -> db.db));
        EventOutbox outbox = outbox(db.db);
        long initiative = db.newInitiative();
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("name", "Jansen");
        assertThrows(IllegalArgumentException.class, () -> db.db.transaction(initiative, sql -> outbox.record(sql, TOPIC, unknown, NOW)));
        assertThrows(IllegalArgumentException.class,
                () -> db.db.transaction(initiative, sql -> outbox.record(sql, "elsewhere/noted", Map.of("note", 1L), NOW)));
        assertEquals(0, waiting(initiative));
    }

    private long waiting(long initiative) {
        return db.db.transaction(initiative, sql -> sql.first("select count(*) from testoutbox_event_outbox where initiative_id = :initiative",
                r -> r.getLong(1))).orElseThrow();
    }
}
