package dev.orderly.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.BrokerProcess;
import dev.orderly.backend.support.TestCertificates;
import dev.orderly.api.ApiCallException;
import dev.orderly.console.client.BackendOptions;
import dev.orderly.console.client.EmbeddedBackend;
import dev.orderly.console.client.RemoteClient;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.support.TempTrees;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ShipmentRequest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka security as a user sets it up: SASL_SSL, a user and password, and the cluster's trust store typed into
 * Settings, saved, and given to the in-process backend, which then processes orders through a real broker whose
 * only client listener is SASL_SSL.
 */
class KafkaSecuritySettingsTest {

    private static Path dir;
    private static TestCertificates certificates;
    private static BrokerProcess broker;

    @BeforeAll
    static void startABrokerWithASaslSslListener() throws Exception {
        dir = Files.createTempDirectory("orderly-kafka-security");
        certificates = TestCertificates.generate(dir.resolve("certs"), "kafka-tls-pass");
        broker = BrokerProcess.startSaslSsl(dir.resolve("broker"), certificates, "orderly", "orderly-secret");
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        TempTrees.delete(dir);
    }

    @Test
    void theBackendStartedFromTheseSettingsProcessesOrdersOverSaslSsl() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("console").resolve("console.properties"),
            ConsoleSettings.defaults(dir.resolve("home")));
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), new RecordingClient(),
            new DirectTaskRunner(), true);
        vm.dataDirProperty().set(dir.resolve("data").toString());
        vm.httpPortProperty().set("0");
        vm.externalKafkaProperty().set(true);
        vm.bootstrapServersProperty().set(broker.secureBootstrapServers());
        vm.securityProtocolProperty().set("SASL_SSL");
        vm.saslMechanismProperty().set("PLAIN");
        vm.saslUserProperty().set("orderly");
        vm.saslPasswordProperty().set("orderly-secret");
        vm.kafkaTrustStoreProperty().set(certificates.trustStore().toString());
        vm.kafkaTrustStorePasswordProperty().set(certificates.password());
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Saved.");
        assertThat(Files.readString(store.file())).doesNotContain("orderly-secret").doesNotContain("kafka-tls-pass");

        try (EmbeddedBackend backend = EmbeddedBackend.start(quiet(store.load().backendOptions()), step -> { });
            RemoteClient alice = new RemoteClient(backend.baseUrl())) {
            alice.signIn("alice@example.com", "alice-demo");
            assertThat(alice.health().brokerUp()).isTrue();
            long orderId = alice.createOrder(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 2,
                new BigDecimal("12.50")))));
            alice.pay(orderId, new PayAndShipmentRequest(new PaymentRequest(PaymentMethod.CARD, "4111111111111111",
                new BigDecimal("25.00")), new ShipmentRequest("Alice Kim", "010-1234-5678", "1 Main St, Seoul",
                "04524"), true));
            await().atMost(Duration.ofSeconds(60)).until(() -> alice.order(orderId).status()
                == OrderStatus.COMPLETED);
        }
    }

    @Test
    void aWrongKafkaPasswordIsReportedAndNothingIsAccepted() throws Exception {
        ConsoleSettings wrong = ConsoleSettings.inProcess(dir.resolve("data-wrong"))
            .withKafka(new KafkaSettings("external", 0, broker.secureBootstrapServers(),
                new KafkaSettings.KafkaSecurity("SASL_SSL", "PLAIN", KafkaSasl.jaas("PLAIN", "orderly", "not-it")),
                KafkaTopicSettings.DEFAULT))
            .withSimulator(new SimulatorSettings(0, 0, 0.0, 0.0))
            .withTls(new TlsSettings(TlsSettings.Store.NONE, new TlsSettings.Store(certificates.trustStore().toString(),
                certificates.password()), TlsSettings.Store.NONE));
        try (EmbeddedBackend backend = EmbeddedBackend.start(quiet(wrong.backendOptions()), step -> { });
            RemoteClient staff = new RemoteClient(backend.baseUrl())) {
            staff.signIn("staff@example.com", "staff-demo");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(staff.health().detail())
                .contains("broker down").contains("refused the SASL credentials"));
            assertThat(staff.health().brokerUp()).isFalse();
            long orderId = staff.createOrder(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 1,
                new BigDecimal("12.50")))));
            assertThatThrownBy(() -> staff.pay(orderId, new PayAndShipmentRequest(new PaymentRequest(
                PaymentMethod.CARD, "4111111111111111", new BigDecimal("12.50")), new ShipmentRequest("Alice Kim",
                "010-1234-5678", "1 Main St, Seoul", "04524"), true)))
                .as("a payment the broker cannot take is refused, not accepted").isInstanceOf(ApiCallException.class)
                .satisfies(e -> assertThat(((ApiCallException) e).status()).isEqualTo(503));
            assertThat(staff.order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        }
    }

    private static BackendOptions quiet(BackendOptions options) {
        Map<String, String> extra = new LinkedHashMap<>(options.extraProperties());
        extra.put("logging.file.name", "");
        return new BackendOptions(options.dataDir(), options.httpPort(), options.kafkaMode(), options.kafkaPort(),
            options.bootstrapServers(), extra);
    }
}
