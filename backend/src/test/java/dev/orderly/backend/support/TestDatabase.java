package dev.orderly.backend.support;

import dev.orderly.backend.payment.LedgerDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Which database the tests run against: the H2 file of the data directory (the default, as on a desktop), or a
 * real PostgreSQL server ({@link PostgresServer}) when the system property {@code orderly.test.database} is
 * {@code postgresql}, which the backend's second test execution sets (see its pom).
 */
public final class TestDatabase {

    private static final Map<Path, String> DATABASES = new HashMap<>();

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("orderly.test.database"));
    }

    /** Points the backend at a new PostgreSQL database when the tests run on PostgreSQL; else changes nothing. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        if (postgres()) {
            String url = PostgresServer.shared().newDatabase(name);
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> PostgresServer.USER);
            registry.add("spring.datasource.password", () -> PostgresServer.PASSWORD);
        }
    }

    /**
     * The same, as command-line arguments of a backend; one database per data directory, so a backend restarted on
     * the same data directory finds its orders again.
     */
    public static synchronized List<String> arguments(Path dataDir) {
        if (!postgres()) {
            return List.of();
        }
        String url = DATABASES.computeIfAbsent(dataDir.toAbsolutePath(),
            dir -> PostgresServer.shared().newDatabase(dir.getFileName().toString()));
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + PostgresServer.USER,
            "--spring.datasource.password=" + PostgresServer.PASSWORD);
    }

    /** A payment simulator ledger on the database under test. */
    public static LedgerDatabase ledger(Path dir) {
        if (postgres()) {
            return new LedgerDatabase(PostgresServer.shared().newDatabase("ledger"), PostgresServer.USER,
                PostgresServer.PASSWORD);
        }
        return LedgerDatabase.h2File(dir);
    }
}
