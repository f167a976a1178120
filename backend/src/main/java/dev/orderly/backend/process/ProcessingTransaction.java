package dev.orderly.backend.process;

import dev.orderly.backend.InstanceName;
import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.intake.PaymentClaims;
import dev.orderly.backend.order.CustomerOrder;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.order.OrderStatusChanger;
import dev.orderly.backend.payment.Payment;
import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.processing.AttemptLog;
import dev.orderly.backend.processing.ProcessingModeSwitch;
import dev.orderly.backend.processing.RecordOrigin;
import dev.orderly.backend.shipment.Shipment;
import dev.orderly.backend.warehouse.WarehouseStorage;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.ProcessingInstructions;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.TimelineEntry.TimelineKind;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's single transaction: inbox row, payment record, shipment, warehouse storage or preparing, every status
 * change with its history and outbox row, the order's payment claim released. All of it commits, or none of it.
 * {@link ProcessingCommits} runs it, several orders to a database transaction.
 */
@Component
class ProcessingTransaction {

    static final String ACTOR = "pipeline";

    private final OrderRepository orders;
    private final TransactionInserts inserts;
    private final ProcessedEventLookup processed;
    private final OrderStatusChanger statusChanger;
    private final AttemptLog attempts;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final FaultInjector faults;
    private final InstanceName instance;
    private final PaymentClaims claims;
    private final EntityManager entityManager;
    private final ProcessingModeSwitch mode;

    ProcessingTransaction(OrderRepository orders, TransactionInserts inserts, OrderStatusChanger statusChanger,
        AttemptLog attempts, PaymentGateway gateway, Clock clock, FaultInjector faults, InstanceName instance,
        PaymentClaims claims, EntityManager entityManager, ProcessingModeSwitch mode, ProcessedEventLookup processed) {
        this.processed = processed;
        this.mode = mode;
        this.instance = instance;
        this.claims = claims;
        this.entityManager = entityManager;
        this.orders = orders;
        this.inserts = inserts;
        this.statusChanger = statusChanger;
        this.attempts = attempts;
        this.gateway = gateway;
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * One order's part of the caller's transaction. The order's own row is flushed before it returns (so a conflict on
     * it is this order's) and then cleared from the persistence context (so the next order's flush does not check it
     * again); the rows it adds go with the commit ({@link TransactionInserts}), where a failure is the batch's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderStatus applyWithin(OrderProcessingEvent event, Authorization authorization, RecordOrigin origin) {
        CustomerOrder order = orders.lockById(event.orderId()).orElse(null);
        Processability check = Processability.assess(event, order, processed.processed(event.eventId()));
        switch (check.verdict()) {
            case UNPROCESSABLE -> throw new UnprocessableEventException(check.why());
            case ALREADY_DONE -> throw new AlreadyProcessedException(NoteCode.SEEN_UNDER_LOCK.with(check.why()));
            default -> {
            }
        }
        // Checked under the order's lock, which compensation holds too: a void and this commit cannot cross.
        if (gateway.isVoided(authorization.idempotencyKey())) {
            throw new TransientProcessingException("authorisation " + authorization.authorizationId()
                + " was voided by a concurrent attempt", null);
        }
        Instant now = clock.instant();
        ProcessingInstructions request = event.request();
        new ProcessedEvent(event.eventId(), order.getId(), origin, now).insertAtCommit(inserts);

        new Payment(order.getId(), authorization, now).insertAtCommit(inserts);
        statusChanger.move(order, OrderStatus.PAYMENT_COMPLETED, ACTOR,
            NoteCode.PAYMENT_AUTHORISED.with(authorization.authorizationId(), request.cardLast4()));
        if (mode.mode() == ProcessingMode.PAYMENT_ONLY) {
            // The seed's first attempt (teaching mode): payment commits alone; completeAfterPayment does the rest.
            attempts.recordWithin(event, TimelineKind.ATTEMPT_SUCCEEDED, NoteCode.PAID_ONLY.with(instance.value()),
                origin);
        } else {
            completeOrder(order, request, now);
            attempts.recordWithin(event, TimelineKind.ATTEMPT_SUCCEEDED, (request.warehouseStorage()
                ? NoteCode.PROCESSED_SHIPPED_AND_STORED : NoteCode.PROCESSED_AND_SHIPPED).with(instance.value()),
                origin);
        }
        // The order no longer waits for payment: its claim goes with the same commit.
        claims.release(order.getId(), event.eventId());
        OrderStatus reached = order.getStatus();
        entityManager.flush();
        entityManager.clear();
        return reached;
    }

    /**
     * The payment-only teaching mode's second transaction: shipment, storage and status for an order whose payment
     * committed on its own. If it fails, the order stays paid and unfinished: the seed's lost integrity.
     */
    @Transactional
    public OrderStatus completeAfterPayment(OrderProcessingEvent event) {
        CustomerOrder order = orders.lockById(event.orderId()).orElseThrow();
        if (order.getStatus() != OrderStatus.PAYMENT_COMPLETED) {
            return order.getStatus();
        }
        completeOrder(order, event.request(), clock.instant());
        return order.getStatus();
    }

    /** Shipment, then warehouse storage and COMPLETED, or PREPARING to ship; each fault strikes where it says. */
    private void completeOrder(CustomerOrder order, ProcessingInstructions request, Instant now) {
        faults.hit(InjectableFault.SHIPMENT_FAILS);
        new Shipment(order.getId(), request.shipment(), now).insertAtCommit(inserts);
        order.markWarehouseStorage(request.warehouseStorage());
        if (request.warehouseStorage()) {
            WarehouseStorage stored = new WarehouseStorage(order.getId(), now);
            stored.insertAtCommit(inserts);
            faults.hit(InjectableFault.WAREHOUSE_FAILS);
            statusChanger.move(order, OrderStatus.IN_WAREHOUSE, ACTOR, NoteCode.STORED_AT.with(stored.getLocation()));
            faults.hit(InjectableFault.STATUS_UPDATE_FAILS);
            statusChanger.move(order, OrderStatus.COMPLETED, ACTOR, NoteCode.HELD_FOR_PICKUP.with());
        } else {
            faults.hit(InjectableFault.STATUS_UPDATE_FAILS);
            statusChanger.move(order, OrderStatus.PREPARING, ACTOR,
                NoteCode.SHIPPING_TO.with(request.shipment().zipCode()));
        }
    }
}
