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

    /**
     * Whether the database could not be reached or cannot store anything now (so: try again later,
     * 503) rather than refusing this statement.
     */
    public boolean isConnectionProblem() {
        Throwable t = getCause();
        while (t != null) {
            // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or not
            // accepting connections yet (PostgreSQL's "operator intervention"); 53: insufficient
            // resources (PostgreSQL's disk full is 53100)
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P") || sql.getSQLState().startsWith("53"))) {
                return true;
            }
            if (t instanceof SQLException sql && isStorageFailure(sql)) {
                return true;
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    /** H2 error codes of a database that cannot write its file (disk full) or has closed itself after that. */
    static final java.util.Set<Integer> H2_STORAGE_FAILURES = java.util.Set.of(90028, 90031, 90097, 90098, 90121);

    /**
     * Whether the embedded database failed to write its file (e.g. the disk is full) or closed itself
     * after such a failure: H2 error codes 90028/90031 (I/O), 90097 (read only), 90098 (closed),
     * 90121 (shutting down), or a general error whose cause says the disk is full.
     */
    public static boolean isStorageFailure(SQLException e) {
        if (H2_STORAGE_FAILURES.contains(e.getErrorCode()) && e.getClass().getName().startsWith("org.h2.")) {
            return true;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }
}
