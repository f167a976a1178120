package dev.orderly.backend.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * One sentence a person can act on when the backend cannot use its database at start-up (a wrong URL, user or
 * password, a server that is down, a database that does not exist), for the headless log
 * ({@link DatabaseFailureAnalyzer}) and the console's start-up screen alike.
 */
public final class DatabaseProblems {

    private DatabaseProblems() {
    }

    /** The sentence for {@code failure}, or {@code null} if it is not a database connection problem. */
    public static String explain(Throwable failure, String url) {
        String where = url == null ? "the configured database" : url;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("28P01") || state.equals("28000")) {
                    return "PostgreSQL at " + where + " refused the user name or password: check"
                        + " spring.datasource.username and spring.datasource.password (Settings > Database).";
                }
                if (state.equals("3D000")) {
                    return "The database in " + where + " does not exist on that PostgreSQL server: create it"
                        + " (createdb) or correct spring.datasource.url.";
                }
                if (state.startsWith("08")) {
                    return "No PostgreSQL server answers at " + where + ": start it, or correct"
                        + " spring.datasource.url (host and port).";
                }
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return "No database server answers at " + where + " (" + message + "): start it, or correct"
                    + " spring.datasource.url.";
            }
            if (message.contains("Failed to get driver instance") || message.contains("No suitable driver")
                || message.contains("Unable to determine Dialect") && url != null && !url.startsWith("jdbc:")) {
                return "spring.datasource.url " + where + " is not a database URL Orderly can use: give"
                    + " jdbc:postgresql://host:5432/database, or leave it unset for the H2 file in the data directory.";
            }
        }
        return null;
    }
}
