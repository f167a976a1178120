package dev.orderly.console.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.StartupStep;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.client.StartupStep.Detail;
import dev.orderly.console.client.StartupStep.State;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupViewModelTest {

    private final StartupViewModel vm = new StartupViewModel(new DirectTaskRunner());

    @Test
    void showsEachComponentAndHandsOverTheClient() {
        List<OrderlyClient> ready = new ArrayList<>();
        RecordingClient client = new RecordingClient();
        vm.start("Starting", () -> {
            vm.report(new StartupStep(Component.BROKER, State.STARTING, Detail.STARTING_BROKER, ""));
            assertThat(vm.rows().get(Component.BROKER.ordinal()).stateProperty().get()).isEqualTo(State.STARTING);
            vm.report(new StartupStep(Component.BROKER, State.READY, Detail.BROKER_LISTENING, "127.0.0.1:9092"));
            assertThat(vm.progressProperty().get()).isEqualTo(1.0 / Component.values().length);
            assertThat(vm.rows().get(Component.BROKER.ordinal()).detailProperty().get())
                .isEqualTo("listening on 127.0.0.1:9092");
            return client;
        }, ready::add);
        assertThat(ready).containsExactly(client);
        assertThat(vm.failedProperty().get()).isFalse();
    }

    @Test
    void aFailureNamesTheComponentAndTheReason() {
        vm.start("Starting", () -> {
            vm.report(new StartupStep(Component.BROKER, State.FAILED, Detail.FAILED,
                "Port 9092 on 127.0.0.1 is taken"));
            throw new IllegalStateException("Port 9092 on 127.0.0.1 is taken");
        }, c -> { });
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Kafka broker failed: Port 9092 on 127.0.0.1 is taken");
    }
}
