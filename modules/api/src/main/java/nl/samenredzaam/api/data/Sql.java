package nl.samenredzaam.api.data;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * SQL for one initiative inside one transaction.
 *
 * <p>Statements use named parameters ({@code :name}), given as alternating names and values:
 * {@code sql.list("select ... where initiative_id = :initiative and id = :id", mapper, "id", 42)}.
 * The parameter {@code :initiative} is always bound by the platform to {@link #initiativeId()}, and
 * every statement must use it: a statement without {@code :initiative} is refused, so that no
 * query can read or change another initiative's rows by mistake.
 *
 * <p>Values may be {@code null}, strings, numbers, booleans, {@link java.time.Instant},
 * {@link java.time.LocalDate}, {@link java.time.LocalDateTime}, {@link java.time.OffsetDateTime},
 * enums (stored by name) and byte arrays. A {@code null} is sent without a type: fine in inserts,
 * updates and comparisons with a column, but PostgreSQL cannot type {@code :x is null} on its own —
 * write {@code cast(:x as varchar) is null} (or the column's type) there.
 */
@ProviderType
public interface Sql {

    /** The initiative every statement is bound to. */
    long initiativeId();

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... namesAndValues);

    /** The first row, if any. */
    <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... namesAndValues);

    /** Runs an insert, update or delete; returns the number of rows changed. */
    int update(String sql, Object... namesAndValues);

    /** Runs an insert into a table with a generated {@code id} column and returns the new id. */
    long insert(String sql, Object... namesAndValues);

    /**
     * Runs {@code hook} once, right after this transaction has committed; never when it rolls back.
     * For work that must only see committed data, e.g. publishing the domain events the transaction
     * wrote to an outbox ({@link nl.samenredzaam.api.event.EventOutbox} does that for you).
     *
     * <p>Hooks run on the committing thread, in the order they were added, after the transaction's
     * connection has been given back, so a hook may start transactions of its own
     * ({@link Database#transaction}); hooks added to such a transaction run when it commits. A hook
     * that throws is logged and the next hooks still run: the commit stands and the caller does not
     * see the failure. So a hook must not be the only way something happens: whatever must not be lost
     * is written in the transaction itself (an outbox row), and the hook only makes it happen sooner.
     * Keep hooks short: inside a web request they run before the answer is sent.
     *
     * @throws IllegalStateException when the transaction has already ended
     * @since 1.1
     */
    void afterCommit(Runnable hook);

    /** The database product, for the rare statement that differs between them. */
    Dialect dialect();

    /** The database products the platform runs on. */
    enum Dialect {
        H2, POSTGRESQL
    }
}
