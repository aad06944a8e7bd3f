package nl.samenredzaam.core.platform;

import java.sql.SQLException;

/**
 * A database error. The web layer answers 503 for connection problems and 500 otherwise, and
 * never shows the message, which can contain data.
 */
public class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Whether a unique constraint refused the statement (SQL state 23505 on H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        Throwable t = getCause();
        while (t != null) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    /** Whether the database could not be reached (SQL state class 08) rather than refusing the statement. */
    public boolean isConnectionProblem() {
        Throwable t = getCause();
        while (t != null) {
            // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or not
            // accepting connections yet (PostgreSQL's "operator intervention")
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }
}
