package dev.orderly.backend.process;

import static dev.orderly.backend.support.ApiClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.faults.InjectedFaultException;
import dev.orderly.backend.invariants.InvariantChecker;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.payment.PaymentGateway.CardToken;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.payment.PaymentRepository;
import dev.orderly.backend.support.PipelineProbe;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.backend.support.ApiClient;
import dev.orderly.backend.support.IntegrationTest;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.InvariantReport;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

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
    ProcessedEventLookup inbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    InvariantChecker invariants;

    @Autowired
    OrderRepository orders;

    @Autowired
    TransactionTemplate transactions;

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
            assertThat(inbox.processed(event.eventId())).isEqualTo(committed);
            assertThat(api.status(ALICE, event.orderId())).isEqualTo(committed ? "COMPLETED" : "PENDING_PAYMENT");
        }
        // What the processor does for a failed commit (this test calls the writer directly): void the charge.
        assertThat(gateway.voidAuthorization(authorizations.get(failed + 1).idempotencyKey())).isTrue();
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
        // The other orders were applied again without the failed one and committed together: the writers took
        // the queue in one batch per writer (one by default, at most two here), so one committed all but two.
        assertThat(batches() - batchesBefore).isBetween(1.0, 2.0);
        assertThat(meters.get("orderly.processing.batch.size").summary().max()).isGreaterThanOrEqualTo(ORDERS - 2);
    }

    /**
     * A batch whose commit fails (here a row refused by a unique key when the batched inserts are sent): nobody can
     * tell whose row it was, so the orders are applied again one per transaction, and only the order whose own row is
     * refused fails; the others complete.
     */
    @Test
    void aBatchWhoseCommitFailsIsAppliedAgainOrderByOrder() throws Exception {
        ApiClient api = new ApiClient(port);
        List<OrderProcessingEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(OrderProcessingEvent.create(api.createOrder(ALICE), ALICE, PipelineProbe.instructions(true)));
        }
        Authorization first = gateway.authorize(events.get(0).eventId() + "#0", new CardToken("tok_test", "1111"),
            events.get(0).request().amount());
        Authorization last = gateway.authorize(events.get(2).eventId() + "#0", new CardToken("tok_test", "1111"),
            events.get(2).request().amount());

        List<CompletableFuture<OrderStatus>> results = new ArrayList<>();
        try (AutoCloseable held = commits.hold()) {
            results.add(submit(events.get(0), first));
            // The middle order carries the first one's authorisation: its payment row breaks the unique key, which
            // only the batched inserts before the commit find.
            results.add(submit(events.get(1), first));
            results.add(submit(events.get(2), last));
            await().atMost(WAIT).until(() -> commits.queued() == 3);
        }

        assertThat(answer(results.get(0))).isEqualTo(OrderStatus.COMPLETED);
        assertThat(answer(results.get(1))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(answer(results.get(2))).isEqualTo(OrderStatus.COMPLETED);
        assertThat(payments.findByOrderId(events.get(1).orderId())).isEmpty();
        assertThat(inbox.processed(events.get(1).eventId())).isFalse();
        assertThat(api.status(ALICE, events.get(1).orderId())).isEqualTo("PENDING_PAYMENT");
        assertThat(payments.findByOrderId(events.get(2).orderId()).orElseThrow().getAuthorizationId())
            .isEqualTo(last.authorizationId());
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    /**
     * A worker interrupted (shutdown) while its order waits for a batch: if no writer has taken the order yet, it is
     * taken off the queue and never committed, so the worker may void its authorisation; once a writer has taken it,
     * the worker waits for the real outcome, because voiding while the batch still commits would leave a completed
     * order whose money was given back.
     */
    @Test
    void anInterruptedWorkerActsOnlyOnAnOutcomeThatIsFinal() throws Exception {
        ApiClient api = new ApiClient(port);
        List<OrderProcessingEvent> events = new ArrayList<>();
        List<Authorization> authorizations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            OrderProcessingEvent event = OrderProcessingEvent.create(api.createOrder(ALICE), ALICE,
                PipelineProbe.instructions(true));
            events.add(event);
            authorizations.add(gateway.authorize(event.eventId() + "#0", new CardToken("tok_test", "1111"),
                event.request().amount()));
        }

        // Still queued when interrupted: withdrawn.
        try (AutoCloseable held = commits.hold()) {
            Worker queued = new Worker(events.get(0), authorizations.get(0));
            await().atMost(WAIT).until(() -> commits.queued() == 1);
            queued.thread.interrupt();
            assertThat(queued.outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(commits.queued()).isZero();
        }

        // Taken by the writer, which waits for the order's row lock (held here), when interrupted: it waits on.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> lockHolder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            orders.lockById(events.get(1).orderId());
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), workers);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        Worker taken = new Worker(events.get(1), authorizations.get(1));
        // Waiting for its answer (so it has queued the order), and the queue is empty: the writer has it.
        await().atMost(WAIT).until(() -> taken.thread.getState() == Thread.State.TIMED_WAITING
            && commits.queued() == 0);
        taken.thread.interrupt();
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> !taken.outcome.isDone());
        release.countDown();
        lockHolder.get(30, TimeUnit.SECONDS);
        assertThat(taken.outcome.get(30, TimeUnit.SECONDS)).isEqualTo(OrderStatus.COMPLETED);
        assertThat(taken.interruptKept.get(30, TimeUnit.SECONDS)).isTrue();

        // The withdrawn order was never committed, though the writer has run batches since.
        assertThat(payments.findByOrderId(events.get(0).orderId())).isEmpty();
        assertThat(inbox.processed(events.get(0).eventId())).isFalse();
        assertThat(api.status(ALICE, events.get(0).orderId())).isEqualTo("PENDING_PAYMENT");
        assertThat(payments.findByOrderId(events.get(1).orderId())).isPresent();
        // What the processor does for the withdrawn one (this test calls the writer directly): void the charge. Left
        // open, the checker (which sees the whole database, other test classes' orders too) would flag it.
        assertThat(gateway.voidAuthorization(authorizations.get(0).idempotencyKey())).isTrue();
        assertThat(invariants.check()).matches(InvariantReport::ok, "the invariants hold");
    }

    /** A worker thread applying one order: its answer or failure, and whether its interrupt flag was still set. */
    private final class Worker {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        final Thread thread;

        Worker(OrderProcessingEvent event, Authorization authorization) {
            thread = new Thread(() -> {
                try {
                    outcome.complete(apply(event, authorization));
                } catch (InterruptedException | RuntimeException e) {
                    outcome.complete(e);
                }
                interruptKept.complete(Thread.currentThread().isInterrupted());
            }, "test-worker");
            thread.start();
        }
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
