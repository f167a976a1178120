package dev.orderly.backend.processing;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.faults.InjectedFaultException;
import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.payment.PaymentGateway.CardToken;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.payment.PaymentRepository;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Several orders in one processing transaction, each still all-or-nothing on its own: orders queued while the
 * writer waits are committed together, and an order whose work fails inside such a batch gets its own failure while
 * the others commit.
 */
@IntegrationTest
class ProcessingCommitsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ORDERS = 7;

    @LocalServerPort
    int port;

    @Autowired
    ProcessingCommits commits;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    FaultInjector faults;

    @Autowired
    PaymentRepository payments;

    @Autowired
    ProcessedEventRepository inbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InvariantChecker invariants;

    private final ExecutorService workers = Executors.newFixedThreadPool(ORDERS + 1);

    @AfterEach
    void stop() {
        faults.disarmAll();
        workers.shutdownNow();
    }

    @Test
    void ordersQueuedTogetherCommitTogetherAndAFailureStaysWithItsOrder() throws Exception {
        ApiClient api = new ApiClient(port);
        List<OrderProcessingEvent> events = new ArrayList<>();
        List<Authorization> authorizations = new ArrayList<>();
        for (int i = 0; i <= ORDERS; i++) {
            long orderId = api.createOrder(ALICE);
            OrderProcessingEvent event = OrderProcessingEvent.create(orderId, ALICE,
                PipelineProbe.instructions(true));
            events.add(event);
            authorizations.add(gateway.authorize(event.eventId() + "#0", new CardToken("tok_test", "1111"),
                event.request().amount()));
        }
        // One order alone, as when nothing else is queued.
        assertThat(apply(events.get(0), authorizations.get(0))).isEqualTo(OrderStatus.COMPLETED);
        double batchesBefore = batches();

        // The writers are held before their next batch: what is submitted meanwhile stays queued.
        CompletableFuture<OrderStatus> again;
        List<CompletableFuture<OrderStatus>> results = new ArrayList<>();
        try (AutoCloseable held = commits.hold()) {
            // The same event again, among them: it fails on its own.
            again = submit(events.get(0), authorizations.get(0));
            for (int i = 1; i <= ORDERS; i++) {
                results.add(submit(events.get(i), authorizations.get(i)));
            }
            await().atMost(WAIT).until(() -> commits.queued() == ORDERS + 1);
            // One of the batched orders fails in its shipment step, after its payment row was written.
            faults.arm(InjectableFault.SHIPMENT_FAILS, 1);
        }

        assertThat(answer(again)).isInstanceOf(AlreadyProcessedException.class);
        List<Object> answers = new ArrayList<>();
        for (CompletableFuture<OrderStatus> result : results) {
            answers.add(answer(result));
        }
        assertThat(answers).filteredOn(a -> a == OrderStatus.COMPLETED).hasSize(ORDERS - 1);
        assertThat(answers).filteredOn(a -> a instanceof InjectedFaultException).hasSize(1);
        int failed = answers.indexOf(answers.stream().filter(InjectedFaultException.class::isInstance).findFirst()
            .orElseThrow());
        for (int i = 0; i < ORDERS; i++) {
            OrderProcessingEvent event = events.get(i + 1);
            boolean committed = i != failed;
            // All or nothing per order: the failed one has no payment row, no inbox row, and is still payable.
            assertThat(payments.findByOrderId(event.orderId()).isPresent()).as("payment of order %d",
                event.orderId()).isEqualTo(committed);
            assertThat(inbox.existsById(event.eventId())).isEqualTo(committed);
            assertThat(api.status(ALICE, event.orderId())).isEqualTo(committed ? "COMPLETED" : "PENDING_PAYMENT");
        }
        // What the processor does for a failed commit (this test calls the writer directly): void the charge.
        assertThat(gateway.voidAuthorization(authorizations.get(failed + 1).idempotencyKey())).isTrue();
        assertThat(invariants.check().ok()).isTrue();
        // The other orders were applied again without the failed one and committed together: the writers took
        // the queue in one batch per writer (one by default, at most two here), so one committed all but two.
        assertThat(batches() - batchesBefore).isBetween(1.0, 2.0);
        assertThat(meters.get("orderly.processing.batch.size").summary().max()).isGreaterThanOrEqualTo(ORDERS - 2);
    }

    private OrderStatus apply(OrderProcessingEvent event, Authorization authorization) throws InterruptedException {
        return commits.apply(event, authorization, new RecordOrigin("test", 0, 0));
    }

    private CompletableFuture<OrderStatus> submit(OrderProcessingEvent event, Authorization authorization) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return apply(event, authorization);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, workers);
    }

    private static Object answer(CompletableFuture<OrderStatus> result) throws Exception {
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private double batches() {
        return meters.get("orderly.processing.batch.size").summary().count();
    }
}
