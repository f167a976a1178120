package dev.orderly.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.client.StartupStep.State;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.TimelineEntry;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process backend reports each component, and a failure names the component and what to do. */
class EmbeddedBackendTest {

    private final List<StartupStep> steps = new ArrayList<>();
    private Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private BackendOptions options(int kafkaPort) throws Exception {
        if (dir == null) {
            dir = Files.createTempDirectory("orderly-embedded-test");
        }
        return new BackendOptions(dir, 0, "embedded", kafkaPort, "", Map.of("logging.file.name", ""));
    }

    @Test
    void startsEveryComponentAndThenRefusesASecondBackendOnTheSameDataDirectory() throws Exception {
        try (EmbeddedBackend first = EmbeddedBackend.start(options(0), steps::add)) {
            assertThat(steps).filteredOn(s -> s.state() == State.READY).extracting(StartupStep::component)
                .contains(Component.CONFIGURATION, Component.DATABASE, Component.BROKER, Component.HTTP_API,
                    Component.CONSUMERS);
            assertThat(first.port()).isPositive();
            try (RemoteClient alice = new RemoteClient(first.baseUrl())) {
                alice.signIn("alice@example.com", "alice-demo");
                CreateOrderRequest order = new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 1,
                    new BigDecimal("12.50"))));
                // The same submission sent twice (an answer lost on the way) is one order.
                long created = alice.createOrder(order, "submission-1-create");
                assertThat(alice.createOrder(order, "submission-1-create")).isEqualTo(created);
                assertThat(alice.createOrder(order, "submission-2-create")).isNotEqualTo(created);

                // A refusal is said in the user's language from its code: the backend's own sentence in English,
                // the bundle's in Korean, with the order's number and its status in the user's words.
                alice.cancel(created);
                ApiCallException twice = catchThrowableOfType(ApiCallException.class, () -> alice.cancel(created));
                assertThat(twice.problem().code()).isEqualTo("ORDER_NOT_CANCELLABLE");
                try {
                    I18n.use(Locale.ENGLISH);
                    assertThat(Messages.of(twice)).isEqualTo(twice.getMessage())
                        .contains("Order " + created + " is CANCELLED and can no longer be cancelled");
                    I18n.use(Locale.KOREAN);
                    assertThat(Messages.of(twice)).isEqualTo("주문 " + created
                        + "은(는) 취소 (CANCELLED) 상태라 더 이상 취소할 수 없습니다. 대신 환불을 요청하세요.");
                } finally {
                    I18n.use(Locale.ENGLISH);
                }

                // What the backend stored with the order (why its status changed, with who) is said the same way.
                List<TimelineEntry> timeline = alice.order(created).timeline();
                try {
                    I18n.use(Locale.ENGLISH);
                    assertThat(timeline).extracting(Messages::detail).containsExactly("order created"
                        + " (alice@example.com)", "awaiting payment (alice@example.com)",
                        "cancelled by alice@example.com (alice@example.com)");
                    I18n.use(Locale.KOREAN);
                    assertThat(timeline).extracting(Messages::detail).containsExactly("주문 생성됨"
                        + " (alice@example.com)", "결제를 기다리는 중 (alice@example.com)",
                        "alice@example.com이(가) 취소함 (alice@example.com)");
                } finally {
                    I18n.use(Locale.ENGLISH);
                }
            }
            try (RemoteClient stranger = new RemoteClient(first.baseUrl())) {
                ApiCallException wrong = catchThrowableOfType(ApiCallException.class,
                    () -> stranger.signIn("alice@example.com", "not-her-password"));
                try {
                    I18n.use(Locale.KOREAN);
                    assertThat(Messages.of(wrong)).isEqualTo("이메일 또는 비밀번호가 틀렸습니다");
                } finally {
                    I18n.use(Locale.ENGLISH);
                }
            }

            List<StartupStep> second = new ArrayList<>();
            assertThatThrownBy(() -> EmbeddedBackend.start(options(0), second::add))
                .isInstanceOf(EmbeddedBackend.BackendStartException.class)
                .hasMessageContaining("another Orderly");
            assertThat(second).last().extracting(StartupStep::state).isEqualTo(State.FAILED);
        }
    }

    @Test
    void aTakenBrokerPortFailsTheBrokerWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedBackend.start(options(taken.getLocalPort()), steps::add))
                .isInstanceOfSatisfying(EmbeddedBackend.BackendStartException.class,
                    e -> assertThat(e.component()).isEqualTo(Component.BROKER))
                .hasMessageContaining("is taken").hasMessageContaining("--orderly.kafka.embedded.port=0");
        }
    }

    @Test
    void aPostgresqlServerThatIsDownFailsTheDatabaseWithOneSentence() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/orderly";
        BackendOptions base = options(0);
        BackendOptions postgres = new BackendOptions(base.dataDir(), 0, "embedded", 0, "", Map.of(
            "logging.file.name", "", "spring.datasource.url", url, "spring.datasource.username", "orderly",
            "spring.datasource.password", "secret"));

        assertThatThrownBy(() -> EmbeddedBackend.start(postgres, steps::add))
            .isInstanceOfSatisfying(EmbeddedBackend.BackendStartException.class,
                e -> assertThat(e.component()).isEqualTo(Component.DATABASE))
            .hasMessage("No PostgreSQL server answers at " + url + ": start it, or correct spring.datasource.url"
                + " (host and port).");
        assertThat(steps).last().extracting(StartupStep::state).isEqualTo(State.FAILED);
    }
}
