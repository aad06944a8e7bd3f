package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.core.platform.PlatformDatabase.Transaction;

/**
 * Requests that hold their transaction's connection and then need a second, short one (a setting, an audit
 * entry) must not starve the pool. Without the reserve of {@link JdbcDatabase}, four requests on a pool of four
 * each hold a connection and wait for a second one until the pool's time-out: all four fail.
 */
class RequestConnectionsTest {

    static final int POOL = 4;

    private HikariDataSource pool;
    private JdbcDatabase db;

    @BeforeEach
    void open() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:requests-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(POOL);
        config.setConnectionTimeout(1_500);
        config.setAutoCommit(false);
        pool = new HikariDataSource(config);
        db = new JdbcDatabase(pool, Dialect.H2);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void requestsThatNeedASecondConnectionAllFinishOnAFullPool() throws Exception {
        int requests = POOL * 2;
        // The barrier lets as many requests as can hold a connection at once meet before their inner work, so
        // that without the reserve every connection is held when the inner work asks for one.
        CyclicBarrier allHolding = new CyclicBarrier(POOL);
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            results.add(threads.submit(() -> {
                try (Transaction tx = db.begin(1)) {
                    tx.first("select :initiative", r -> r.getLong(1)).orElseThrow();
                    try {
                        allHolding.await(500, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | BrokenBarrierException notAllCouldHoldOne) {
                        // expected with the reserve: fewer requests than connections hold one at a time
                    }
                    int inner = db.global(sql -> sql.first("select 1", r -> r.getInt(1)).orElseThrow());
                    tx.commit();
                    return inner;
                }
            }));
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
        for (Future<Integer> result : results) {
            assertEquals(1, result.get(), "every request finished its inner work");
        }
        assertEquals(POOL - JdbcDatabase.reserve(POOL), db.freeRequestPlaces(), "every place was given back");
    }

    @Test
    void theReserveLeavesAtLeastOnePlaceForRequests() {
        assertEquals(1, JdbcDatabase.reserve(2));
        assertEquals(2, JdbcDatabase.reserve(4));
        assertEquals(2, JdbcDatabase.reserve(10));
        assertEquals(8, JdbcDatabase.reserve(32));
    }
}
