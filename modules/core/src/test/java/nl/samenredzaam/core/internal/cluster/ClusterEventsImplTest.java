package nl.samenredzaam.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.internal.db.TestDb;
import nl.samenredzaam.core.platform.ClusterEvents;

/** LISTEN/NOTIFY between two "nodes" on a real PostgreSQL, reconnecting, and stopping promptly. */
class ClusterEventsImplTest {

    static TestDb db;

    @BeforeAll
    static void open() throws Exception {
        db = TestDb.open(Dialect.POSTGRESQL);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void anEventOfOneNodeReachesTheOtherAndNotItself() throws Exception {
        try (ClusterEventsImpl a = new ClusterEventsImpl(db.pool, true); ClusterEventsImpl b = new ClusterEventsImpl(db.pool, true)) {
            BlockingQueue<String> atA = new LinkedBlockingQueue<>();
            BlockingQueue<String> atB = new LinkedBlockingQueue<>();
            a.subscribe(ClusterEvents.BUNDLES, atA::add);
            b.subscribe(ClusterEvents.BUNDLES, atB::add);
            a.listeningOnce.get(15, TimeUnit.SECONDS);
            b.listeningOnce.get(15, TimeUnit.SECONDS);

            a.publish(ClusterEvents.BUNDLES, "from-a");
            b.publish(ClusterEvents.BUNDLES, "from-b");
            assertEquals("from-a", atB.poll(15, TimeUnit.SECONDS));
            // notifications arrive in commit order: had a seen its own event, it would come before b's
            assertEquals("from-b", atA.poll(15, TimeUnit.SECONDS), "a node ignores its own events");
        }
    }

    @Test
    void aLostConnectionIsReopenedAndTheNodeResyncs() throws Exception {
        try (ClusterEventsImpl node = new ClusterEventsImpl(db.pool, true)) {
            CountDownLatch resync = new CountDownLatch(1);
            node.subscribe(ClusterEvents.RESYNC, x -> resync.countDown());
            node.listeningOnce.get(15, TimeUnit.SECONDS);
            try (Connection c = db.pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN samenredzaam'");
            }
            assertTrue(resync.await(20, TimeUnit.SECONDS), "reconnected and told its subscribers to resync");

            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            node.subscribe(ClusterEvents.MODULE_SWITCH, seen::add);
            try (ClusterEventsImpl other = new ClusterEventsImpl(db.pool, true)) {
                other.publish(ClusterEvents.MODULE_SWITCH, "42");
                assertEquals("42", seen.poll(15, TimeUnit.SECONDS), "listening again after the reconnect");
            }
        }
    }

    @Test
    void closingWhileAReconnectIsPendingStopsTheThreadAtOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch failedOnce = new CountDownLatch(1);
        DataSource down = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        attempts.incrementAndGet();
                        failedOnce.countDown();
                        throw new SQLException("database down", "08001");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ClusterEventsImpl node = new ClusterEventsImpl(down, true);
        assertTrue(failedOnce.await(10, TimeUnit.SECONDS));
        node.close(); // a retry is scheduled 0.5 s later: close cancels it instead of waiting for a sleep to end
        assertTrue(node.stopped(), "the listener thread has ended when close() returns");
        int after = attempts.get();
        assertTrue(after >= 1 && after <= 2, "no retry loop after close: " + after);
    }
}
