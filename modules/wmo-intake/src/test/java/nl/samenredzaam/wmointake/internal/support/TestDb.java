package nl.samenredzaam.wmointake.internal.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import nl.samenredzaam.api.data.Sql;

/** A fresh in-memory H2 database with this module's tables (from the real changelog). */
public final class TestDb implements AutoCloseable {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private final Connection connection;

    public TestDb() {
        try {
            connection = DriverManager.getConnection("jdbc:h2:mem:wmo" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            String changelog;
            try (InputStream in = TestDb.class.getClassLoader().getResourceAsStream("db/wmo-intake/changelog.sql")) {
                changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            StringBuilder sql = new StringBuilder();
            for (String line : changelog.split("\n")) {
                if (!line.startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            try (Statement st = connection.createStatement()) {
                for (String statement : sql.toString().split(";")) {
                    if (!statement.isBlank()) {
                        st.execute(statement);
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Sql sql(long initiative) {
        return new H2Sql(connection, initiative);
    }

    @Override
    public void close() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("shutdown");
        }
        connection.close();
    }
}
