package dev.orderly.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderly.api.ApiCallException;
import dev.orderly.backend.support.TestCertificates;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.TlsSettings;
import dev.orderly.console.support.HeadlessBackend;
import dev.orderly.console.support.TempTrees;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ShipmentRequest;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attach mode over TLS: a real backend process serving HTTPS and WSS with a generated certificate (Spring Boot SSL
 * bundle), and the console's client trusting it through the trust store configured in its settings.
 */
class TlsAttachTest {

    private static Path dir;
    private static TestCertificates certificates;
    private static HeadlessBackend backend;

    @BeforeAll
    static void startABackendServingHttps() throws Exception {
        dir = Files.createTempDirectory("orderly-tls-test");
        certificates = TestCertificates.generate(dir.resolve("certs"), "tls-test-pass");
        HttpClient trusting = HttpClient.newBuilder().sslContext(Tls.trusting(certificates.trustStore(),
            certificates.password())).build();
        backend = HeadlessBackend.start(dir.resolve("backend"), trusting, "https",
            "--server.ssl.bundle=orderly",
            "--spring.ssl.bundle.jks.orderly.keystore.location=" + certificates.keyStore().toUri(),
            "--spring.ssl.bundle.jks.orderly.keystore.password=" + certificates.password(),
            "--spring.ssl.bundle.jks.orderly.keystore.type=PKCS12");
    }

    @AfterAll
    static void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
        TempTrees.delete(dir);
    }

    private static ConsoleSettings attachSettings(TlsSettings tls) {
        return ConsoleSettings.attachedTo(backend.url("https"), dir.resolve("unused")).withTls(tls)
            .withLastUser("alice@example.com");
    }

    @Test
    void theConsoleAttachesOverHttpsAndGetsLiveEventsOverWss() {
        TlsSettings tls = new TlsSettings(new TlsSettings.Store(certificates.trustStore().toString(),
            certificates.password()), TlsSettings.Store.NONE, TlsSettings.Store.NONE);
        try (RemoteClient alice = (RemoteClient) attachSettings(tls).attachClient()) {
            assertThat(alice.health().brokerUp()).isTrue();
            alice.signIn("alice@example.com", "alice-demo");
            List<OrderStatusChanged> live = new CopyOnWriteArrayList<>();
            alice.onStatusChange(live::add);
            BigDecimal price = new BigDecimal("12.50");
            long orderId = alice.createOrder(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 2,
                price))));
            alice.pay(orderId, new PayAndShipmentRequest(new PaymentRequest(PaymentMethod.CARD, "4111111111111111",
                new BigDecimal("25.00")), new ShipmentRequest("Alice Kim", "010-1234-5678", "1 Main St, Seoul",
                "04524"), true));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(live)
                .as("status events over wss://").anyMatch(e -> e.orderId() == orderId
                    && e.to() == OrderStatus.COMPLETED));
        }
    }

    @Test
    void aConsoleWithoutTheTrustStoreIsToldWhyItCannotConnect() {
        try (RemoteClient untrusting = (RemoteClient) attachSettings(TlsSettings.NONE).attachClient()) {
            assertThatThrownBy(() -> untrusting.signIn("alice@example.com", "alice-demo"))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("could not be trusted over TLS")
                .hasMessageContaining("trust store");
        }
        TlsSettings wrongPassword = new TlsSettings(new TlsSettings.Store(certificates.trustStore().toString(),
            "nope"), TlsSettings.Store.NONE, TlsSettings.Store.NONE);
        assertThatThrownBy(() -> attachSettings(wrongPassword).attachClient())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(certificates.trustStore().toString());
    }
}
