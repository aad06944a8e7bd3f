package nl.samenredzaam.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.core.platform.DataAccessException;

import nl.samenredzaam.api.data.RowMapper;
import nl.samenredzaam.api.data.Sql;

/**
 * {@link Sql} on one JDBC connection. When scoped to an initiative, {@code :initiative} is bound
 * to it and every statement must use it.
 */
class JdbcSql implements Sql {

    static final String INITIATIVE = "initiative";

    private final ConnectionSource connections;
    private final long initiativeId;
    private final boolean scoped;
    private final Dialect dialect;
    private final AfterCommit afterCommit = new AfterCommit();

    /** Gives the connection of the transaction, opening it on first use. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    JdbcSql(ConnectionSource connections, long initiativeId, boolean scoped, Dialect dialect) {
        this.connections = connections;
        this.initiativeId = initiativeId;
        this.scoped = scoped;
        this.dialect = dialect;
    }

    @Override
    public long initiativeId() {
        return initiativeId;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void afterCommit(Runnable hook) {
        afterCommit.add(hook);
    }

    /** The transaction committed: runs the after-commit hooks (each failure logged, none thrown). */
    void committed() {
        afterCommit.committed();
    }

    /** The transaction rolled back, or its commit failed: the hooks are dropped. */
    void rolledBack() {
        afterCommit.rolledBack();
    }

    @Override
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, false, namesAndValues); ResultSet rs = ps.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(mapper.map(rs));
            }
            return result;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, false, namesAndValues)) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public int update(String sql, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, false, namesAndValues)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public long insert(String sql, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, true, namesAndValues)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new IllegalStateException("insert returned no generated id");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private PreparedStatement prepare(String sql, boolean returnKeys, Object[] namesAndValues) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        if (scoped && !named.uses(INITIATIVE)) {
            throw new IllegalArgumentException("statement is not limited to the initiative (it must use :initiative): " + sql);
        }
        Map<String, Object> values = values(namesAndValues);
        if (scoped) {
            if (values.containsKey(INITIATIVE)) {
                throw new IllegalArgumentException(":initiative is bound by the platform, not by the caller");
            }
            values.put(INITIATIVE, initiativeId);
        }
        for (String name : named.names()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name + " in: " + sql);
            }
        }
        Connection connection = connections.get();
        PreparedStatement ps;
        if (!returnKeys) {
            ps = connection.prepareStatement(named.jdbc());
        } else if (dialect == Dialect.POSTGRESQL) {
            ps = connection.prepareStatement(named.jdbc(), new String[] {"id"});
        } else {
            ps = connection.prepareStatement(named.jdbc(), Statement.RETURN_GENERATED_KEYS);
        }
        try {
            List<String> names = named.names();
            for (int i = 0; i < names.size(); i++) {
                bind(ps, i + 1, values.get(names.get(i)));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static Map<String, Object> values(Object[] namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("parameter name expected at position " + i);
            }
            values.put(name, namesAndValues[i + 1]);
        }
        return values;
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Enum<?> e) {
            ps.setString(index, e.name());
        } else {
            ps.setObject(index, value);
        }
    }
}
