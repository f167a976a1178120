package dev.orderly.backend.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (stopped, restarting, network gone, no connection within the pool's
 * time-out) from a statement that failed on its own merits. An outage is nobody's input error: requests are
 * answered 503 and processing waits for the database instead of spending an order's retry budget.
 */
public final class DatabaseOutages {

    private DatabaseOutages() {
    }

    /** Whether {@code failure}, or anything in its cause chain, says the database cannot be reached. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // A rollback that fails has lost its connection: the statement that failed before it is moot (seen
            // with PostgreSQL killed: "Unable to rollback against JDBC Connection", whose cause carried no state).
            if (t.getClass().getName().equals("org.hibernate.TransactionException")
                && String.valueOf(t.getMessage()).startsWith("Unable to rollback")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or not yet accepting.
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
