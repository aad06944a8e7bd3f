package nl.samenredzaam.core.internal.db;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import nl.samenredzaam.api.data.Sql;

/**
 * A {@link JdbcSql} scoped to an initiative never sends a statement to the database unless the statement really uses
 * {@code :initiative} (not only in a quote or a comment), and then always binds the scope's own initiative id to
 * every {@code :initiative} placeholder, whatever the caller passes. The connection is a recording fake, so the
 * property sees exactly what would reach the driver.
 */
class ScopedSqlPropertiesTest {

    /** What reached the fake driver. */
    static final class Recorder {
        final List<String> prepared = new ArrayList<>();
        final Map<Integer, Object> bound = new HashMap<>();

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            prepared.add((String) args[0]);
                            return statement();
                        }
                        return defaultValue(method.getReturnType());
                    });
        }

        private PreparedStatement statement() {
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("set") && args != null && args.length >= 2
                                && args[0] instanceof Integer index) {
                            bound.put(index, args[1]);
                            return null;
                        }
                        if (method.getName().equals("executeQuery") || method.getName().equals("getGeneratedKeys")) {
                            return emptyResult();
                        }
                        return defaultValue(method.getReturnType());
                    });
        }

        private ResultSet emptyResult() {
            return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
                    (proxy, method, args) -> defaultValue(method.getReturnType()));
        }

        private static Object defaultValue(Class<?> type) {
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class || type == long.class || type == short.class || type == byte.class) {
                return type == long.class ? 0L : type == int.class ? 0 : (Object) (short) 0;
            }
            if (type == double.class || type == float.class) {
                return type == double.class ? 0d : 0f;
            }
            return null;
        }
    }

    /** Random cases per property; a fixed seed makes a failure reproducible (raise with -Dsamenredzaam.tries=20000). */
    static final int TRIES = Integer.getInteger("samenredzaam.tries", 1000);
    static final String[] OPERATIONS = {"list", "first", "update", "insert"};
    static final String[][] PIECES = {
        {"select * from t where ", "initiative_id = ", " and ", " or ", "update t set a = ", "x::text", " 1 = 1 ",
            "insert into t (initiative_id, a) values (", ", ", ")"},
        {":initiative", ":a", ":b_1", ":initiativeX", ":initiative_id", ":Initiative"},
        {"':initiative'", "\":initiative\"", "-- :initiative\n", "/* :initiative */", "'it''s :initiative'"}};

    static String statement(java.util.Random random) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(11);
        for (int i = 0; i < n; i++) {
            String[] kind = PIECES[random.nextInt(PIECES.length)];
            sb.append(kind[random.nextInt(kind.length)]);
        }
        return sb.toString();
    }

    @Test
    void aStatementReachesTheDriverOnlyWithTheScopesInitiative() {
        java.util.Random random = new java.util.Random(20261126L);
        for (int t = 0; t < TRIES; t++) {
            checkReachesDriverOnlyWithScope(statement(random), 1 + random.nextInt(1_000_000), OPERATIONS[random.nextInt(OPERATIONS.length)]);
        }
    }

    private void checkReachesDriverOnlyWithScope(String statement, long initiative, String operation) {
        Recorder recorder = new Recorder();
        JdbcSql sql = new JdbcSql(recorder::connection, initiative, true, Sql.Dialect.H2);
        NamedSql parsed = NamedSql.parse(statement);
        Object[] params = params(parsed);
        if (!parsed.uses("initiative")) {
            assertThrows(IllegalArgumentException.class, () -> run(sql, operation, statement, params), statement);
            assertEquals(List.of(), recorder.prepared, "nothing reached the driver");
            return;
        }
        try {
            run(sql, operation, statement, params);
        } catch (IllegalStateException e) {
            // insert on the fake: no generated key; the statement was still prepared and bound
        }
        assertEquals(List.of(parsed.jdbc()), recorder.prepared);
        List<String> names = parsed.names();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals("initiative")) {
                assertEquals(initiative, recorder.bound.get(i + 1), "placeholder " + (i + 1) + " of " + statement);
            }
        }
    }

    @Test
    void theCallerCannotBindTheInitiative() {
        java.util.Random random = new java.util.Random(7L);
        for (int t = 0; t < TRIES; t++) {
            checkCallerCannotBind(statement(random), 1 + random.nextInt(1_000_000), random.nextLong());
        }
    }

    private void checkCallerCannotBind(String statement, long initiative, long other) {
        NamedSql parsed = NamedSql.parse(statement);
        Recorder recorder = new Recorder();
        JdbcSql sql = new JdbcSql(recorder::connection, initiative, true, Sql.Dialect.POSTGRESQL);
        List<Object> params = new ArrayList<>(List.of(params(parsed)));
        params.addAll(List.of("initiative", other));
        assertThrows(IllegalArgumentException.class, () -> sql.update(statement, params.toArray()), statement);
        assertTrue(recorder.prepared.isEmpty(), "nothing reached the driver");
    }

    /** A value for every name except {@code initiative}, which the platform binds. */
    private static Object[] params(NamedSql parsed) {
        List<Object> params = new ArrayList<>();
        parsed.names().stream().distinct().filter(n -> !n.equals("initiative")).forEach(n -> {
            params.add(n);
            params.add("v-" + n);
        });
        return params.toArray();
    }

    private static void run(JdbcSql sql, String operation, String statement, Object[] params) {
        switch (operation) {
            case "list" -> sql.list(statement, r -> r.getString(1), params);
            case "first" -> sql.first(statement, r -> r.getString(1), params);
            case "update" -> sql.update(statement, params);
            default -> sql.insert(statement, params);
        }
    }
}
