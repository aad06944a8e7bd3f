package nl.samenredzaam.referral.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.api.data.RowMapper;
import nl.samenredzaam.api.data.Sql;

/**
 * A real database for the module's tests (H2 in memory, or PostgreSQL 14 embedded) with this
 * module's changelog applied, and an {@link Sql} that behaves like the platform's: named
 * parameters, {@code :initiative} bound and required in every statement, enums stored by name.
 */
final class TestDb implements AutoCloseable {

    private static final Pattern PARAM = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9_]*)");
    private static final AtomicLong NAMES = new AtomicLong();
    private static EmbeddedPostgres postgres;

    private final Connection connection;
    private final Sql.Dialect dialect;
    private final AtomicLong initiatives = new AtomicLong(100);

    private TestDb(Connection connection, Sql.Dialect dialect) throws Exception {
        this.connection = connection;
        this.dialect = dialect;
        connection.setAutoCommit(true);
        try (Statement st = connection.createStatement()) {
            st.execute("create table platform_module_switch (initiative_id bigint not null, module_id varchar(63) not null, "
                    + "enabled boolean not null, primary key (initiative_id, module_id))");
            st.execute("create table platform_module_setting (initiative_id bigint not null, module_id varchar(63) not null, "
                    + "setting_key varchar(100) not null, setting_value varchar(2000) not null, primary key (initiative_id, module_id, setting_key))");
            for (String statement : changelog()) {
                st.execute(statement);
            }
        }
    }

    static TestDb h2() throws Exception {
        return new TestDb(org.h2.Driver.load().connect("jdbc:h2:mem:referral" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                new java.util.Properties()), Sql.Dialect.H2);
    }

    static synchronized TestDb postgres() throws Exception {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        }
        DataSource admin = postgres.getPostgresDatabase();
        String name = "referral" + NAMES.incrementAndGet();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("create database " + name);
        }
        return new TestDb(postgres.getDatabase("postgres", name).getConnection(), Sql.Dialect.POSTGRESQL);
    }

    static TestDb of(Sql.Dialect dialect) throws Exception {
        return dialect == Sql.Dialect.H2 ? h2() : postgres();
    }

    /** The statements of the module's Liquibase formatted-SQL changelog (comments left out). */
    static List<String> changelog() throws IOException {
        try (InputStream in = TestDb.class.getClassLoader().getResourceAsStream("db/referral/changelog.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sb.append(line).append('\n');
                }
            }
            List<String> out = new ArrayList<>();
            for (String s : sb.toString().split(";")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
    }

    long newInitiative() {
        return initiatives.incrementAndGet();
    }

    Sql sql(long initiative) {
        return new JdbcSql(initiative);
    }

    /** The platform's switchboard over this database's switch table, as core's ModuleSwitches answers. */
    nl.samenredzaam.api.module.ModuleSwitches switchboard() {
        return (initiative, moduleId) -> sql(initiative).first("select enabled from platform_module_switch where "
                + "initiative_id = :initiative and module_id = :m", r -> r.getBoolean(1), "m", moduleId).orElse(false);
    }

    /** Switches another module on or off for an initiative, as the platform's switchboard does. */
    void enable(long initiative, String moduleId, boolean on) {
        sql(initiative).update("delete from platform_module_switch where initiative_id = :initiative and module_id = :m", "m", moduleId);
        sql(initiative).update("insert into platform_module_switch (initiative_id, module_id, enabled) values (:initiative, :m, :on)",
                "m", moduleId, "on", on);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private final class JdbcSql implements Sql {
        private final long initiative;

        JdbcSql(long initiative) {
            this.initiative = initiative;
        }

        @Override
        public long initiativeId() {
            return initiative;
        }

        @Override
        public <T> List<T> list(String sql, RowMapper<T> mapper, Object... namesAndValues) {
            return run(sql, namesAndValues, ps -> {
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            });
        }

        @Override
        public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... namesAndValues) {
            List<T> all = list(sql, mapper, namesAndValues);
            return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
        }

        @Override
        public int update(String sql, Object... namesAndValues) {
            return run(sql, namesAndValues, PreparedStatement::executeUpdate);
        }

        @Override
        public long insert(String sql, Object... namesAndValues) {
            return run(sql, namesAndValues, true, ps -> {
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            });
        }

        /** Every statement here commits on its own (auto-commit): what was written is committed already. */
        @Override
        public void afterCommit(Runnable hook) {
            hook.run();
        }

        @Override
        public Dialect dialect() {
            return dialect;
        }

        private <T> T run(String sql, Object[] kv, Work<T> work) {
            return run(sql, kv, false, work);
        }

        private <T> T run(String sql, Object[] kv, boolean keys, Work<T> work) {
            if (!sql.contains(":initiative")) {
                throw new IllegalArgumentException("statement without :initiative: " + sql);
            }
            Map<String, Object> values = new HashMap<>();
            values.put("initiative", initiative);
            for (int i = 0; i < kv.length; i += 2) {
                values.put((String) kv[i], kv[i + 1]);
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
            try (PreparedStatement ps = keys ? connection.prepareStatement(jdbc.toString(), new String[] {"id"})
                    : connection.prepareStatement(jdbc.toString())) {
                for (int i = 0; i < ordered.size(); i++) {
                    ps.setObject(i + 1, convert(ordered.get(i)));
                }
                return work.run(ps);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage() + " in " + sql, e);
            }
        }
    }

    private static Object convert(Object v) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof LocalDate || v instanceof OffsetDateTime) {
            return v;
        }
        return v;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    static Function<Long, Sql> factory(TestDb db) {
        return db::sql;
    }
}
