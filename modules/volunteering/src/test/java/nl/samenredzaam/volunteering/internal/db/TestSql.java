package nl.samenredzaam.volunteering.internal.db;

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

import nl.samenredzaam.api.data.RowMapper;
import nl.samenredzaam.api.data.Sql;

/** {@link Sql} over one connection with the platform's rules: named parameters and a required {@code :initiative}. */
final class TestSql implements Sql {

    private final Connection connection;
    private final long initiativeId;
    private final Dialect dialect;

    TestSql(Connection connection, long initiativeId, Dialect dialect) {
        this.connection = connection;
        this.initiativeId = initiativeId;
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
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... nv) {
        try (PreparedStatement ps = prepare(sql, false, nv); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... nv) {
        List<T> all = list(sql, mapper, nv);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    @Override
    public int update(String sql, Object... nv) {
        try (PreparedStatement ps = prepare(sql, false, nv)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long insert(String sql, Object... nv) {
        try (PreparedStatement ps = prepare(sql, true, nv)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private PreparedStatement prepare(String sql, boolean keys, Object[] nv) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < nv.length; i += 2) {
            values.put((String) nv[i], nv[i + 1]);
        }
        values.put("initiative", initiativeId);
        StringBuilder jdbc = new StringBuilder();
        List<String> names = new ArrayList<>();
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                jdbc.append(sql, i, end + 1);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                jdbc.append("::");
                i++;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else {
                jdbc.append(c);
            }
        }
        if (!names.contains("initiative")) {
            throw new IllegalArgumentException("statement without :initiative: " + sql);
        }
        PreparedStatement ps = !keys ? connection.prepareStatement(jdbc.toString())
                : dialect == Dialect.POSTGRESQL ? connection.prepareStatement(jdbc.toString(), new String[] {"id"})
                : connection.prepareStatement(jdbc.toString(), Statement.RETURN_GENERATED_KEYS);
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                throw new IllegalArgumentException("no value for :" + names.get(i));
            }
            Object v = values.get(names.get(i));
            if (v instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (v instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, v);
            }
        }
        return ps;
    }
}
