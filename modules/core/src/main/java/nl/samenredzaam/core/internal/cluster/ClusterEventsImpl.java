package nl.samenredzaam.core.internal.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.core.platform.ClusterEvents;

/**
 * LISTEN/NOTIFY on channel {@value #CHANNEL}. One daemon thread holds a connection and waits for
 * notifications (no polling of tables); when the connection is lost, a reconnect is scheduled on
 * the same thread with back-off (0.5 s doubling to 10 s; no sleeping thread, so {@link #close}
 * cancels a pending retry at once) and, after a reconnect,
 * delivers {@link ClusterEvents#RESYNC} locally because notifications may have been missed. On H2
 * it does nothing but deliver nothing.
 */
public final class ClusterEventsImpl implements ClusterEvents, AutoCloseable {

    static final String CHANNEL = "samenredzaam";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEventsImpl.class);

    private final DataSource dataSource;
    private final boolean postgres;
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private volatile boolean running = true;
    private volatile Connection listening;
    private long backoff = FIRST_BACKOFF_MILLIS;
    private boolean first = true;
    /** Completed once the first LISTEN is in place (tests wait on it instead of polling). */
    final java.util.concurrent.CompletableFuture<Void> listeningOnce = new java.util.concurrent.CompletableFuture<>();

    static final long FIRST_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 10_000;

    public ClusterEventsImpl(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        if (postgres) {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "samenredzaam-cluster");
                t.setDaemon(true);
                return t;
            });
            e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            executor = e;
            executor.execute(this::listen);
        } else {
            executor = null;
        }
    }

    @Override
    public void publish(String topic, String payload) {
        if (!postgres) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, node + "|" + topic + "|" + payload);
            ps.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            // The other nodes resync when they reconnect; their caches also expire on their own.
            LOG.warn("Could not notify other nodes of {} ({})", topic, e.getSQLState());
        }
    }

    @Override
    public AutoCloseable subscribe(String topic, Consumer<String> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(topic, List.of()).remove(listener);
    }

    /** One connection's life: listen until it breaks, then schedule the next attempt. */
    private void listen() {
        if (!running) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            listening = c;
            listeningOnce.complete(null);
            if (!first) {
                deliver(RESYNC, "");
            }
            first = false;
            backoff = FIRST_BACKOFF_MILLIS;
            PGConnection pg = c.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notes = pg.getNotifications(1000);
                if (notes == null) {
                    continue;
                }
                for (PGNotification n : notes) {
                    handle(n.getParameter());
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (running) {
                LOG.warn("Cluster listener lost its connection ({}); retrying in {} ms", e.getClass().getSimpleName(), backoff);
                retryLater();
            }
        } finally {
            listening = null;
        }
    }

    private void retryLater() {
        try {
            executor.schedule(this::listen, backoff, TimeUnit.MILLISECONDS);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    void handle(String raw) {
        String[] parts = raw.split("\\|", 3);
        if (parts.length != 3 || parts[0].equals(node)) {
            return;
        }
        deliver(parts[1], parts[2]);
    }

    private void deliver(String topic, String payload) {
        for (Consumer<String> l : listeners.getOrDefault(topic, List.of())) {
            try {
                l.accept(payload);
            } catch (RuntimeException e) {
                LOG.error("Cluster listener for {} failed", topic, e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (executor != null) {
            executor.shutdownNow(); // cancels a scheduled reconnect; interrupts a wait for notifications
            Connection c = listening;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing anyway
                }
            }
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("Cluster listener did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the listener thread has ended (after {@link #close}). */
    boolean stopped() {
        return executor == null || executor.isTerminated();
    }
}
