package dev.orderly.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The client on its own dependencies only (the bench has no Spring Boot on its class path): it is made, it calls,
 * and a backend that is not there is one {@link ApiCallException} with a sentence, not a stack of Spring's.
 */
class OrderlyApiClientTest {

    @Test
    void aBackendThatIsNotThereIsOneSentence() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        OrderlyApi api = OrderlyApiClient.connect("http://127.0.0.1:" + port + "/", () -> "Basic eDp5", null);

        ApiCallException refused = catchThrowableOfType(ApiCallException.class, () -> api.status(42));

        assertThat(refused.status()).isZero();
        assertThat(refused).hasMessage("The backend at http://127.0.0.1:" + port + " is not reachable");
    }
}
