package dev.orderly.backend.processing;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.RunningBackend;
import dev.orderly.backend.support.TestDataDir;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Orders (H2 file) and consumed offsets (embedded broker's log) survive a restart on the same data directory. */
@Tag("database")
class RestartIntegrationTest {

    private final Path dir = TestDataDir.create("restart");

    @AfterEach
    void cleanUp() {
        TestDataDir.delete(dir);
    }

    @Test
    void keepsOrdersAndOffsetsAcrossARestart() {
        long completed;
        long pending;
        try (RunningBackend backend = RunningBackend.start(dir)) {
            ApiClient api = backend.api();
            completed = api.createOrder(ALICE);
            api.pay(ALICE, completed, "4111111111111111", true);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, completed).equals("COMPLETED"));
            pending = api.createOrder(ALICE);
        }

        try (RunningBackend backend = RunningBackend.start(dir)) {
            ApiClient api = backend.api();
            assertThat(api.status(ALICE, completed)).isEqualTo("COMPLETED");
            assertThat(api.status(ALICE, pending)).isEqualTo("PENDING_PAYMENT");

            api.pay(ALICE, pending, "4111111111111111", false);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.status(ALICE, pending).equals("PREPARING"));

            // Had the committed offsets been lost, the first event would have been read again and skipped.
            ProcessingAttemptRepository attempts = backend.bean(ProcessingAttemptRepository.class);
            assertThat(attempts.countByOrderIdAndKind(completed, TimelineKind.DUPLICATE_SKIPPED)).isZero();
            assertThat(attempts.countByOrderIdAndKind(completed, TimelineKind.ATTEMPT_SUCCEEDED)).isEqualTo(1);
        }
    }
}
