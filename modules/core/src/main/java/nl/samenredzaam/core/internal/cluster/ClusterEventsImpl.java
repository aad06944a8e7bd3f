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
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.core.platform.ClusterEvents;

/**
 * LISTEN/NOTIFY on channel {@value #CHANNEL}. One daemon thread holds a connection and waits for
 * notifications (no polling of tables); it reconnects with back-off and, after a reconnect,
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
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection listening;

    public ClusterEventsImpl(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        if (postgres) {
            thread = new Thread(this::listen, "samenredzaam-cluster");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
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

    private void listen() {
        long backoff = 500;
        boolean first = true;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = c;
                if (!first) {
                    deliver(RESYNC, "");
                }
                first = false;
                backoff = 500;
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
                if (!running) {
                    return;
                }
                LOG.warn("Cluster listener lost its connection ({}); retrying", e.getClass().getSimpleName());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            } finally {
                listening = null;
            }
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
        if (thread != null) {
            thread.interrupt();
            Connection c = listening;
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing anyway
                }
            }
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
