package dev.orderly.backend.faults;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static dev.orderly.backend.support.ApiClient.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.BackendJar;
import dev.orderly.backend.support.BrokerProcess;
import dev.orderly.backend.support.OrderStream;
import dev.orderly.backend.support.Outcomes;
import dev.orderly.backend.support.TestDataDir;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The production shape, broken on purpose: the backend in its own JVM in external mode, against a Kafka broker in
 * another JVM (both started here from Maven's jars), under a stream of orders. The backend is crashed at each
 * crash point or killed with {@code kill -9} at a random moment, the broker is killed and restarted; afterwards
 * every order that got a 202 is processed exactly once and charged once, and the invariant checker says ok.
 * {@code -Dorderly.soak.rounds=N} repeats the kill -9 round N times (the soak variant, see RELIABILITY.md).
 */
class ExternalCrashSuiteIT {

    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int SOAK_ROUNDS = Integer.getInteger("orderly.soak.rounds", 1);

    private Path dir;
    private BrokerProcess broker;
    private BackendJar backend;
    private OrderStream stream;

    @BeforeEach
    void start() throws Exception {
        dir = TestDataDir.create("external");
        broker = BrokerProcess.start(dir.resolve("broker"));
        backend = BackendJar.on(dir.resolve("backend"),
            "--orderly.kafka.mode=external",
            "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "--orderly.gateway.latency-min=10ms", "--orderly.gateway.latency-max=60ms",
            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500",
            "--orderly.processing.send-timeout=5s",
            "--spring.kafka.producer.properties.max.block.ms=2000",
            "--spring.kafka.producer.properties.request.timeout.ms=1500",
            "--spring.kafka.producer.properties.delivery.timeout.ms=4000");
    }

    @AfterEach
    void stop() throws Exception {
        if (stream != null) {
            stream.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (broker != null) {
            broker.close();
        }
        TestDataDir.delete(dir);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CRASH_DURING_PAYMENT", "CRASH_AFTER_COMMIT", "CRASH_AFTER_RETRY_SENT"})
    void crashAtEachPointUnderAStreamOfOrders(String crash) throws Exception {
        ApiClient api = backend.start();
        stream = OrderStream.start(api, 25);
        awaitAccepted(15);

        // With the stream running, the armed crash can strike before the answer to arming it leaves the process:
        // a dropped connection is an answer too; the exit code below says whether the crash happened.
        assertThat(armAllowingTheCrash(api, crash)).isIn(200, CONNECTION_LOST);
        if (crash.equals("CRASH_AFTER_RETRY_SENT")) {
            // A transient failure sends the next order to the retry topic, where the crash waits for it.
            armAllowingTheCrash(api, "SHIPMENT_FAILS");
        }
        assertThat(backend.awaitExit(Duration.ofSeconds(60))).as("exit code of the halted backend").isEqualTo(137);

        backend.start();
        awaitAccepted(stream.accepted().size() + 15);
        stream.close();

        assertEveryAcceptedOrderProcessedOnce(api, stream.accepted());
    }

    private static final int CONNECTION_LOST = -1;

    private static int armAllowingTheCrash(ApiClient api, String fault) {
        try {
            return api.post(STAFF, "/api/admin/faults", "{\"fault\":\"" + fault + "\",\"times\":1}").status();
        } catch (IllegalStateException connectionLost) {
            return CONNECTION_LOST;
        }
    }

    @Test
    void killMinus9AtARandomMomentUnderAStreamOfOrders() throws Exception {
        ApiClient api = backend.start();
        stream = OrderStream.start(api, 25);
        for (int round = 1; round <= SOAK_ROUNDS; round++) {
            awaitAccepted(stream.accepted().size() + 10 + (int) (Math.random() * 20));
            backend.kill();
            backend.start();
        }
        awaitAccepted(stream.accepted().size() + 10);
        stream.close();

        assertEveryAcceptedOrderProcessedOnce(api, stream.accepted());
    }

    @Test
    void brokerKilledAndRestartedUnderLoadLosesNoAcceptedOrder() throws Exception {
        ApiClient api = backend.start();
        stream = OrderStream.start(api, 25);
        awaitAccepted(15);

        broker.kill();
        // While the broker is gone nothing is accepted: the API answers 503 and changes nothing.
        await().atMost(WAIT).until(() -> stream.refused().size() >= 2);
        broker.restart();
        awaitAccepted(stream.accepted().size() + 15);
        stream.close();

        assertEveryAcceptedOrderProcessedOnce(api, stream.accepted());
        for (long order : stream.refused()) {
            // A request in flight when the broker died may have reached its log without an answer: such an order
            // can still complete (once); every other refused order stays payable.
            String status = api.status(ALICE, order);
            assertThat(status).as("order %d was refused with 503", order).isIn("PENDING_PAYMENT", "COMPLETED");
        }
        assertThat(stream.refused().stream().filter(o -> api.status(ALICE, o).equals("PENDING_PAYMENT")))
            .as("orders refused while the broker was down").isNotEmpty();
    }

    @Test
    void sigtermWithFiveHundredOrdersInFlightLosesNoneAndRefusesNewOnesWithA503() throws Exception {
        ApiClient api = backend.start();
        // Payments take 1-2 s: the 500 accepted below are still in flight when the signal comes.
        assertThat(api.put(STAFF, "/api/admin/gateway", "{\"latencyMinMs\":1000,\"latencyMaxMs\":2000,"
            + "\"errorRate\":0.0,\"timeoutRate\":0.0}").status()).isEqualTo(200);
        List<Long> inFlight = createOrders(api, 500);
        List<Long> later = createOrders(api, 300);
        List<Long> accepted = new CopyOnWriteArrayList<>(payAll(api, inFlight));
        assertThat(accepted).hasSize(500);
        assertThat(api.get(STAFF, "/api/orders/counts").data().get("PENDING_PAYMENT").asLong())
            .as("orders not yet paid at the signal: the 300 for later and most of the 500").isGreaterThan(450);

        // Payments keep coming while the backend stops: each is accepted (and then must complete), refused with a
        // 503 that says why (and changes nothing), or finds nobody listening.
        List<Long> refused = new CopyOnWriteArrayList<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        backend.terminate();
        for (long order : later) {
            if (!backend.isAlive()) {
                break;
            }
            try {
                ApiClient.Answer answer = api.pay(ALICE, order, "4111111111111111", true);
                if (answer.status() == 202) {
                    accepted.add(order);
                } else {
                    refused.add(order);
                    refusals.add(answer.status() + " " + answer.message());
                }
            } catch (IllegalStateException nobodyListening) {
                // the server socket is closed: the order was not sent
            }
        }
        assertThat(backend.awaitExit(Duration.ofSeconds(90))).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(refusals).as("payments sent while it stopped").isNotEmpty()
            .allSatisfy(r -> assertThat(r).startsWith("503").contains("shutting down"));

        backend.start();
        assertEveryAcceptedOrderProcessedOnce(api, accepted);
        for (long order : refused) {
            assertThat(api.status(ALICE, order)).as("order %d was refused with a 503", order)
                .isEqualTo("PENDING_PAYMENT");
        }
    }

    /** Creates {@code count} orders, eight at a time. */
    private static List<Long> createOrders(ApiClient api, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(clients.submit(() -> api.createOrder(ALICE)));
            }
            List<Long> orders = new ArrayList<>();
            for (Future<Long> order : created) {
                orders.add(order.get(60, TimeUnit.SECONDS));
            }
            return orders;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Sends every order for payment, 32 at a time; returns those answered 202. */
    private static List<Long> payAll(ApiClient api, List<Long> orders) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (long order : orders) {
                answers.add(clients.submit(() -> api.pay(ALICE, order, "4111111111111111", true).status() == 202
                    ? order : null));
            }
            List<Long> accepted = new ArrayList<>();
            for (Future<Long> answer : answers) {
                Long order = answer.get(60, TimeUnit.SECONDS);
                if (order != null) {
                    accepted.add(order);
                }
            }
            return accepted;
        } finally {
            clients.shutdownNow();
        }
    }

    private void awaitAccepted(int count) {
        await().atMost(WAIT).until(() -> stream.accepted().size() >= count);
    }

    private static void assertEveryAcceptedOrderProcessedOnce(ApiClient api, List<Long> accepted) {
        Outcomes.assertEveryAcceptedOrderProcessedOnce(api, accepted, WAIT);
    }
}
