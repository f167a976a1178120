package dev.orderly.backend.payment;

import java.nio.file.Path;

/**
 * Where the payment simulator keeps its ledger (its stand-in for the provider's own books): an H2 file of its own
 * in the data directory by default; with PostgreSQL, its own table in the shared database, so every backend of a
 * team writes and checks the same ledger. Either way it is written through a pool of its own, never inside an
 * order's transaction.
 *
 * @param url JDBC URL
 * @param username user
 * @param password password
 */
public record LedgerDatabase(String url, String username, String password) {

    /** The zero-setup ledger: an H2 file under {@code directory}, on disk when a write returns. */
    public static LedgerDatabase h2File(Path directory) {
        return new LedgerDatabase("jdbc:h2:file:" + directory.toAbsolutePath().resolve("ledger")
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64", "sa", "");
    }

    /** The ledger for a backend whose database is {@code url}: the same PostgreSQL database, else an H2 file. */
    public static LedgerDatabase forMainDatabase(String url, String username, String password, Path dataDir) {
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new LedgerDatabase(url, username, password);
        }
        return h2File(dataDir.resolve("gateway"));
    }

    @Override
    public String toString() {
        return "LedgerDatabase[" + url + ", user " + username + "]";
    }
}
