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
    void aDatabaseThatCannotWriteOrClosedItselfIsUnavailable() {
        // real H2 exceptions, as the embedded database throws them on a full disk and after it
        SQLException closed = org.h2.message.DbException.get(org.h2.api.ErrorCode.DATABASE_IS_CLOSED).getSQLException();
        SQLException io = org.h2.message.DbException.get(org.h2.api.ErrorCode.IO_EXCEPTION_1, "write").getSQLException();
        assertTrue(new DataAccessException(closed).isConnectionProblem());
        assertTrue(new DataAccessException(io).isConnectionProblem());
        assertTrue(DataAccessException.isStorageFailure(closed));
        SQLException general = new SQLException("General error", "HY000", 50000,
                new java.io.IOException("No space left on device"));
        assertTrue(new DataAccessException(general).isConnectionProblem(), "H2's general error caused by a full disk");
        assertTrue(new DataAccessException(new SQLException("could not extend file", "53100")).isConnectionProblem(),
                "PostgreSQL's disk_full");
    }

    @Test
    void aRefusedStatementIsNot() {
        assertFalse(DataAccessException.isStorageFailure(new SQLException("vendor code only", "42000", 90098)),
                "error code 90098 of another driver is not H2's");
        assertFalse(new DataAccessException(new SQLException("General error", "HY000", 50000)).isConnectionProblem());
        assertFalse(new DataAccessException(new SQLException("syntax", "42601")).isConnectionProblem());
        assertTrue(new DataAccessException(new SQLException("duplicate", "23505")).isUniqueViolation());
        assertFalse(new DataAccessException(new SQLException("syntax", "42601")).isUniqueViolation());
    }
}
