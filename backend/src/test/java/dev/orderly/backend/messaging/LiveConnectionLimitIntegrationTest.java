package dev.orderly.backend.messaging;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.backend.support.StompProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's live connections are bounded: the one over the limit is refused, and a closed one frees its place. */
@IntegrationTest
class LiveConnectionLimitIntegrationTest {

    private static final int LIMIT = 20;

    @LocalServerPort
    int port;

    @Autowired
    LiveConnectionLimit connections;

    private final List<StompProbe> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(probe -> probe.session.disconnect());
    }

    @Test
    void theConnectionOverTheLimitIsRefusedUntilOneCloses() throws Exception {
        // Other tests of this backend may have left some of Alice's connections open.
        int before = connections.open(ALICE);
        for (int i = before; i < LIMIT; i++) {
            opened.add(new StompProbe(port, ALICE, "/user/queue/orders"));
        }
        assertThat(connections.open(ALICE)).isEqualTo(LIMIT);

        assertThat(StompProbe.tryConnect(port, ALICE)).contains("At most " + LIMIT + " live connections");
        assertThat(connections.open(ALICE)).isEqualTo(LIMIT);

        opened.remove(0).session.disconnect();
        await().atMost(Duration.ofSeconds(10)).until(() -> connections.open(ALICE) == LIMIT - 1);
        opened.add(new StompProbe(port, ALICE, "/user/queue/orders"));
        assertThat(connections.open(ALICE)).isEqualTo(LIMIT);
    }
}
