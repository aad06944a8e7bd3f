package nl.samenredzaam.wmointake.internal.support;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.samenredzaam.api.data.RowMapper;
import nl.samenredzaam.api.data.Sql;

/**
 * A small {@link Sql} over one JDBC connection, with the platform's rules: named parameters and a
 * required {@code :initiative}. For unit tests of this module until the shared database test
 * support is there.
 */
public final class H2Sql implements Sql {

    private static final Pattern PARAM = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");
    private final Connection connection;
    private final long initiative;

    public H2Sql(Connection connection, long initiative) {
        this.connection = connection;
        this.initiative = initiative;
    }

    @Override
    public long initiativeId() {
        return initiative;
    }

    private PreparedStatement prepare(String sql, Object[] namesAndValues, boolean keys) throws SQLException {
        if (!sql.contains(":initiative")) {
            throw new IllegalArgumentException("statement without :initiative: " + sql);
        }
        Map<String, Object> values = new HashMap<>();
        values.put("initiative", initiative);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        List<Object> ordered = new ArrayList<>();
        Matcher m = PARAM.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for :" + m.group(1));
            }
            ordered.add(values.get(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        PreparedStatement ps = keys ? connection.prepareStatement(jdbc.toString(), Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(jdbc.toString());
        for (int i = 0; i < ordered.size(); i++) {
            Object v = ordered.get(i);
            if (v instanceof Instant instant) {
                v = instant.atOffset(ZoneOffset.UTC);
            } else if (v instanceof Enum<?> e) {
                v = e.name();
            }
            ps.setObject(i + 1, v);
        }
        return ps;
    }

    @Override
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, namesAndValues, false); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return List.copyOf(out);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... namesAndValues) {
        List<T> all = list(sql, mapper, namesAndValues);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public int update(String sql, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, namesAndValues, false)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long insert(String sql, Object... namesAndValues) {
        try (PreparedStatement ps = prepare(sql, namesAndValues, true)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }
}
