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

    /** The database product, for the rare statement that differs between them. */
    Dialect dialect();

    /** The database products the platform runs on. */
    enum Dialect {
        H2, POSTGRESQL
    }
}
