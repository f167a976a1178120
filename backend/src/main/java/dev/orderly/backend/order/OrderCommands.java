package dev.orderly.backend.order;

import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.payment.Payment;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.payment.PaymentRepository;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.AuditAction;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderStatus;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving orders on by hand (creating them is {@link OrderCreations}): cancel, staff transitions, refunds. Each
 * move by hand is recorded in the audit trail in the transaction that makes it.
 */
@Service
public class OrderCommands {

    private final OrderRepository orders;
    private final OrderStatusChanger statusChanger;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final AuditLog audit;

    OrderCommands(OrderRepository orders, OrderStatusChanger statusChanger, PaymentRepository payments,
        PaymentGateway gateway, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.orders = orders;
        this.statusChanger = statusChanger;
        this.payments = payments;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The order, if it exists and the user may see it; 404 otherwise (another's order is not revealed). */
    public CustomerOrder load(CurrentUser user, long orderId) {
        return orders.findById(orderId).filter(o -> user.mayAccess(o.getUserEmail()))
            .orElseThrow(() -> notFound(orderId));
    }

    private static ApiException notFound(long orderId) {
        return ApiException.notFound(ErrorCode.ORDER_NOT_FOUND.with(orderId), "Order " + orderId + " not found");
    }

    private CustomerOrder lock(CurrentUser user, long orderId) {
        return orders.lockById(orderId).filter(o -> user.mayAccess(o.getUserEmail()))
            .orElseThrow(() -> notFound(orderId));
    }

    @Transactional
    public CustomerOrder cancel(CurrentUser user, long orderId) {
        CustomerOrder order = lock(user, orderId);
        if (!order.getStatus().isCancellable()) {
            throw ApiException.conflict(ErrorCode.ORDER_NOT_CANCELLABLE.with(orderId, order.getStatus()),
                "Order " + orderId + " is " + order.getStatus() + " and can no longer be"
                + " cancelled; only orders in " + cancellableStates() + " can. Ask for a refund instead.");
        }
        OrderStatus from = order.getStatus();
        statusChanger.move(order, OrderStatus.CANCELLED, user.email(), NoteCode.CANCELLED_BY.with(user.email()));
        audit.record(user.email(), AuditAction.ORDER_CANCELLED, NoteCode.ORDER.with(orderId),
            NoteCode.STATUS_MOVE.with(from, OrderStatus.CANCELLED));
        return order;
    }

    @Transactional
    public CustomerOrder transition(CurrentUser staff, long orderId, OrderStatus target) {
        CustomerOrder order = lock(staff, orderId);
        if (!target.isStaffMove()) {
            throw ApiException.badRequest(ErrorCode.ORDER_MOVED_BY_PIPELINE.with(target),
                "Staff cannot move an order to " + target + " by hand; payment and"
                + " storage are done by the pipeline; use the cancel and refund endpoints for those", null);
        }
        if (!order.getStatus().canTransitionTo(target)) {
            throw ApiException.conflict(ErrorCode.ORDER_MOVE_NOT_ALLOWED.with(orderId, order.getStatus(), target),
                "Order " + orderId + " is " + order.getStatus() + " and cannot move to "
                + target + "; from " + order.getStatus() + " it may go to " + order.getStatus().allowedTargets());
        }
        OrderStatus from = order.getStatus();
        statusChanger.move(order, target, staff.email(), NoteCode.MOVED_BY_STAFF.with());
        audit.record(staff.email(), AuditAction.ORDER_TRANSITION, NoteCode.ORDER.with(orderId),
            NoteCode.STATUS_MOVE.with(from, target));
        return order;
    }

    @Transactional
    public CustomerOrder requestRefund(CurrentUser user, long orderId) {
        CustomerOrder order = lock(user, orderId);
        if (!order.getStatus().canTransitionTo(OrderStatus.REFUND_REQUESTED)) {
            throw ApiException.conflict(ErrorCode.REFUND_NOT_ALLOWED.with(orderId, order.getStatus()),
                "Order " + orderId + " is " + order.getStatus() + "; a refund can be requested only for a paid order"
                + " that is not on its way");
        }
        OrderStatus from = order.getStatus();
        statusChanger.move(order, OrderStatus.REFUND_REQUESTED, user.email(), NoteCode.REFUND_REQUESTED.with());
        audit.record(user.email(), AuditAction.REFUND_REQUESTED, NoteCode.ORDER.with(orderId),
            NoteCode.STATUS_MOVE.with(from, OrderStatus.REFUND_REQUESTED));
        return order;
    }

    /** Returns the captured money through the gateway (idempotent by the payment's key), then REFUNDED. */
    @Transactional
    public CustomerOrder completeRefund(CurrentUser staff, long orderId) {
        CustomerOrder order = lock(staff, orderId);
        if (order.getStatus() != OrderStatus.REFUND_REQUESTED) {
            throw ApiException.conflict(ErrorCode.REFUND_NOT_REQUESTED.with(orderId, order.getStatus()),
                "Order " + orderId + " is " + order.getStatus() + "; only an order in REFUND_REQUESTED can be"
                + " refunded");
        }
        Payment payment = payments.findByOrderId(orderId).orElseThrow(() -> ApiException.conflict(
            ErrorCode.REFUND_WITHOUT_PAYMENT.with(orderId), "Order " + orderId + " has no payment to refund"));
        gateway.refund(payment.getIdempotencyKey());
        payments.markRefunded(orderId, clock.instant());
        statusChanger.move(order, OrderStatus.REFUNDED, staff.email(),
            NoteCode.REFUNDED.with(payment.getAmount(), payment.getCardLast4()));
        audit.record(staff.email(), AuditAction.REFUND_COMPLETED, NoteCode.ORDER.with(orderId),
            NoteCode.REFUNDED.with(payment.getAmount(), payment.getCardLast4()));
        return order;
    }

    private static Set<OrderStatus> cancellableStates() {
        EnumSet<OrderStatus> states = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            if (status.isCancellable()) {
                states.add(status);
            }
        }
        return states;
    }
}
