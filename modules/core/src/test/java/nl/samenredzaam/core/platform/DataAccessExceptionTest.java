package nl.samenredzaam.core.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DataAccessExceptionTest {

    @Test
    void aDatabaseThatIsUnreachableOrShuttingDownIsAConnectionProblem() {
        assertTrue(new DataAccessException(new SQLException("refused", "08001")).isConnectionProblem());
        assertTrue(new DataAccessException(new SQLException("terminating connection due to administrator command", "57P01")).isConnectionProblem());
        assertTrue(new DataAccessException(new SQLException("the database system is starting up", "57P03")).isConnectionProblem());
        assertTrue(new DataAccessException(new SQLException("wrapped", "XX000", new SQLException("io", "08006"))).isConnectionProblem());
    }

    @Test
    void aRefusedStatementIsNot() {
        assertFalse(new DataAccessException(new SQLException("syntax", "42601")).isConnectionProblem());
        assertTrue(new DataAccessException(new SQLException("duplicate", "23505")).isUniqueViolation());
        assertFalse(new DataAccessException(new SQLException("syntax", "42601")).isUniqueViolation());
    }
}
