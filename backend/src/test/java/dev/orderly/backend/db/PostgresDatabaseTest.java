package dev.orderly.backend.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.backend.support.PostgresServer;
import dev.orderly.backend.support.RunningBackend;
import dev.orderly.backend.support.TestDataDir;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The backend on a real PostgreSQL server: the standard spring.datasource properties switch it over, Flyway builds
 * the schema with identity columns backed by sequences, and a wrong password, an unknown database or a server
 * that is down end the start-up with one sentence in the log instead of a stack trace.
 */
@Tag("postgresql")
@ExtendWith(OutputCaptureExtension.class)
class PostgresDatabaseTest {

    private final List<Path> dirs = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        dirs.forEach(TestDataDir::delete);
    }

    private Path dataDir() {
        Path dir = TestDataDir.create("postgres");
        dirs.add(dir);
        return dir;
    }

    @Test
    void theStandardDatasourcePropertiesSwitchTheBackendToPostgresqlWithSequenceBackedIds() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String url = server.newDatabase("switch");
        try (RunningBackend backend = RunningBackend.start(dataDir(), "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresServer.USER,
            "--spring.datasource.password=" + PostgresServer.PASSWORD)) {
            long first = backend.api().createOrder("alice@example.com");
            long second = backend.api().createOrder("alice@example.com");
            assertThat(second).isGreaterThan(first);
        }
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
            Statement statement = connection.createStatement()) {
            try (ResultSet orders = statement.executeQuery("SELECT count(*) FROM orders")) {
                orders.next();
                assertThat(orders.getLong(1)).isEqualTo(2);
            }
            try (ResultSet sequence = statement.executeQuery("SELECT pg_get_serial_sequence('orders', 'id')")) {
                sequence.next();
                assertThat(sequence.getString(1)).isEqualTo("public.orders_id_seq");
            }
            try (ResultSet ledger = statement.executeQuery("SELECT to_regclass('sim_ledger') IS NOT NULL")) {
                ledger.next();
                assertThat(ledger.getBoolean(1)).as("the payment simulator's ledger in the shared database").isTrue();
            }
        }
    }

    @Test
    void aWrongPasswordEndsTheStartWithOneSentence(CapturedOutput output) {
        String url = PostgresServer.shared().newDatabase("password");
        assertThatThrownBy(() -> RunningBackend.start(dataDir(), "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresServer.USER, "--spring.datasource.password=wrong"))
            .satisfies(e -> assertThat(DatabaseProblems.explain(e, url)).contains("refused the user name or"
                + " password"));
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("PostgreSQL at " + url + " refused the user name or password");
    }

    @Test
    void anUnknownDatabaseAndAServerThatIsDownAreNamedAsSuch(CapturedOutput output) {
        String unknown = PostgresServer.shared().url("no_such_database");
        assertThatThrownBy(() -> RunningBackend.start(dataDir(), "--spring.datasource.url=" + unknown,
            "--spring.datasource.username=" + PostgresServer.USER,
            "--spring.datasource.password=" + PostgresServer.PASSWORD))
            .satisfies(e -> assertThat(DatabaseProblems.explain(e, unknown)).contains("does not exist"));

        String down = "jdbc:postgresql://127.0.0.1:" + dev.orderly.backend.support.FreePort.pick() + "/orderly";
        assertThatThrownBy(() -> RunningBackend.start(dataDir(), "--spring.datasource.url=" + down,
            "--spring.datasource.username=" + PostgresServer.USER,
            "--spring.datasource.password=" + PostgresServer.PASSWORD))
            .satisfies(e -> assertThat(DatabaseProblems.explain(e, down)).contains("No PostgreSQL server answers"));
        assertThat(output).contains("No PostgreSQL server answers at " + down);
    }
}
