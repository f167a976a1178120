package dev.orderly.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.appearance.Theme;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    private final RecordingClient client = new RecordingClient();

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("console.properties"), ConsoleSettings.defaults(dir));
    }

    @Test
    void savesBetweenRunsWithoutTouchingTheRunningBackend() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), true);
        vm.errorRateProperty().set("0.2");
        vm.save();
        assertThat(client.calls).as("saving is not applying").isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Saved.").doesNotContain("Restart")
            .contains("Apply to running backend");
        assertThat(new SettingsStore(store.file(), ConsoleSettings.defaults(dir)).load().simulator().errorRate())
            .isEqualTo(0.2);
    }

    @Test
    void applyChangesTheRunningSimulatorAndShowsWhoChangedItLast() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), true);
        client.gatewayChanged = new AuditEntry(7, Instant.parse("2026-11-27T10:15:30Z"), "trainer@example.com",
            AuditAction.GATEWAY_CHANGED, "latency 50-200 ms", "was ...", "backend-1");
        vm.errorRateProperty().set("0.2");
        vm.applySimulator();
        assertThat(client.calls).containsExactly("gateway 0.2");
        assertThat(client.gateway.errorRate()).isEqualTo(0.2);
        assertThat(vm.messageProperty().get()).startsWith("Applied to the running backend");
        assertThat(vm.backendSharedProperty().get()).contains("error rate 0.2")
            .contains("last changed by trainer@example.com");
        assertThat(store.file()).as("applying is not saving").doesNotExist();

        vm.latencyMinProperty().set("900");
        vm.latencyMaxProperty().set("100");
        vm.applySimulator();
        assertThat(vm.messageProperty().get()).startsWith("Not applied").contains("latency max");
        assertThat(client.calls).hasSize(1);

        SettingsViewModel customer = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), false);
        customer.applySimulator();
        assertThat(customer.messageProperty().get()).isEqualTo("Only staff can change the running payment simulator");
        assertThat(client.calls).hasSize(1);
    }

    /** The theme is remembered at once, survives a restart, and saving the other settings keeps it. */
    @Test
    void theThemeIsRememberedAtOnceAndKeptWhenTheRestIsSaved() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), true);
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);

        vm.themeProperty().set(Theme.DARK);
        assertThat(vm.messageProperty().get()).isEqualTo("Theme: Dark (remembered)");
        SettingsStore afterRestart = new SettingsStore(store.file(), ConsoleSettings.defaults(dir));
        assertThat(afterRestart.theme()).isEqualTo(Theme.DARK);
        assertThat(new SettingsViewModel(afterRestart, afterRestart.load(), client, new DirectTaskRunner(), true)
            .themeProperty().get()).isEqualTo(Theme.DARK);

        vm.errorRateProperty().set("0.1");
        vm.save();
        assertThat(afterRestart.theme()).isEqualTo(Theme.DARK);
        assertThat(afterRestart.load().simulator().errorRate()).isEqualTo(0.1);
        assertThat(Theme.named("nonsense")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aTeamClusterGetsTopicsWithThreeCopiesAndBadCountsAreRefused() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), true);
        assertThat(vm.replicationFactorProperty().get()).isEqualTo("1");
        vm.externalKafkaProperty().set(true);
        vm.bootstrapServersProperty().set("k1:9092,k2:9092,k3:9092");
        vm.topicPartitionsProperty().set("6");
        vm.replicationFactorProperty().set("3");
        vm.minInsyncReplicasProperty().set("4");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Not saved")
            .contains("min in-sync replicas must be between 1 and the replication factor (3)");
        assertThat(store.file()).doesNotExist();

        vm.minInsyncReplicasProperty().set("2");
        vm.save();
        ConsoleSettings saved = new SettingsStore(store.file(), ConsoleSettings.defaults(dir)).load();
        assertThat(saved.kafka().topics()).isEqualTo(new KafkaTopicSettings(6, 3, 2));
        assertThat(saved.backendOptions().toArguments()).contains("--orderly.kafka.topics.partitions=6",
            "--orderly.kafka.topics.replication-factor=3", "--orderly.kafka.topics.min-insync-replicas=2");
        assertThat(ConsoleSettings.defaults(dir).backendOptions().toArguments())
            .as("the embedded broker is one node").noneMatch(a -> a.startsWith("--orderly.kafka.topics"));
    }

    @Test
    void saysWhichChangesNeedARestart() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), false);
        vm.externalKafkaProperty().set(true);
        vm.bootstrapServersProperty().set("kafka.example:9092");
        vm.save();
        assertThat(vm.messageProperty().get()).contains("Restart Orderly");
        assertThat(client.calls).isEmpty();
    }

    @Test
    void refusesBadValuesAndSavesNothing() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), true);
        vm.httpPortProperty().set("70000");
        vm.errorRateProperty().set("2");
        vm.latencyMinProperty().set("500");
        vm.latencyMaxProperty().set("100");
        vm.externalKafkaProperty().set(true);
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Not saved").contains("HTTP port must be between")
            .contains("error rate must be between 0 and 1").contains("latency max must not be below")
            .contains("bootstrap servers");
        assertThat(store.file()).doesNotExist();
        assertThat(client.calls).isEmpty();
    }

    @Test
    void postgresqlIsSavedBetweenRunsAndPassedToTheBackendAsTheStandardProperties() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), false);
        assertThat(vm.postgresProperty().get()).isFalse();
        vm.postgresProperty().set(true);
        vm.databaseUrlProperty().set("jdbc:postgresql://db.example:5432/orderly");
        vm.databaseUserProperty().set("orderly");
        vm.databasePasswordProperty().set("s3cret");
        vm.save();

        assertThat(vm.messageProperty().get()).contains("Restart Orderly").contains("database");
        ConsoleSettings saved = new SettingsStore(store.file(), ConsoleSettings.defaults(dir)).load();
        assertThat(saved.database()).isEqualTo(new DatabaseSettings("jdbc:postgresql://db.example:5432/orderly",
            "orderly", "s3cret"));
        assertThat(saved.backendOptions().toArguments()).contains(
            "--spring.datasource.url=jdbc:postgresql://db.example:5432/orderly",
            "--spring.datasource.username=orderly", "--spring.datasource.password=s3cret");
        assertThat(new SettingsViewModel(store, saved, client, new DirectTaskRunner(), false).postgresProperty()
            .get()).isTrue();
    }

    @Test
    void theEmbeddedDatabasePassesNoDatasourcePropertiesAndABadPostgresqlUrlIsRefused() {
        assertThat(ConsoleSettings.defaults(dir).backendOptions().toArguments())
            .noneMatch(arg -> arg.startsWith("--spring.datasource"));

        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), false);
        vm.postgresProperty().set(true);
        vm.databaseUrlProperty().set("postgres://db.example/orderly");
        vm.databaseUserProperty().set("");
        vm.save();

        assertThat(vm.messageProperty().get()).startsWith("Not saved").contains("jdbc:postgresql://host:5432");
        assertThat(store.file()).doesNotExist();
    }
}
