package dev.orderly.backend.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.backend.support.TestDataDir;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private final Path dir = TestDataDir.create("broker");

    @AfterEach
    void cleanUp() {
        TestDataDir.delete(dir);
    }

    @Test
    void refusesATakenPortWithAMessageThatSaysWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, taken.getLocalPort(), Duration.ofSeconds(30)))
                .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is taken")
                .hasMessageContaining("--orderly.kafka.embedded.port=0");
        }
    }

    @Test
    void refusesASecondBrokerOnTheSameDirectoryWithoutEndingTheJvm() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dir, 0, Duration.ofSeconds(60))) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, 0, Duration.ofSeconds(60)))
                .hasMessageContaining("is in use by another Orderly")
                .hasMessageContaining("--orderly.data-dir");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void keepsTopicsAcrossARestartOnTheSameDirectory() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, Duration.ofSeconds(60));
             Admin admin = admin(broker)) {
            admin.createTopics(Set.of(new NewTopic("kept", 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(dir.resolve("logs").resolve("meta.properties"))).isTrue();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, Duration.ofSeconds(60));
             Admin admin = admin(broker)) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("kept");
        }
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
