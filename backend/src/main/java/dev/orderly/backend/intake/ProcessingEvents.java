package dev.orderly.backend.intake;

import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingInstructions;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns a payment request into an {@link OrderProcessingEvent}, for the Kafka path and the synchronous one alike:
 * checks owner, state and amount, and swaps the card number for the gateway's token.
 */
@Component
public class ProcessingEvents {

    /** What a payment request needs to know of its order. */
    private record Payable(String owner, OrderStatus status, BigDecimal total) {
    }

    private final JdbcTemplate jdbc;
    private final PaymentGateway gateway;

    ProcessingEvents(JdbcTemplate jdbc, PaymentGateway gateway) {
        this.jdbc = jdbc;
        this.gateway = gateway;
    }

    public OrderProcessingEvent prepare(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        Payable order = payable(user, orderId, "");
        if (order.total().compareTo(request.payment().amount()) != 0) {
            throw ApiException.badRequest(ErrorCode.PAYMENT_AMOUNT_MISMATCH.with(request.payment().amount(),
                order.total()), "payment.amount " + request.payment().amount()
                + " does not match the order total " + order.total(),
                Map.of("fields", Map.of("payment.amount", "must equal the order total " + order.total())));
        }
        ProcessingInstructions instructions = ProcessingInstructions.of(request,
            gateway.tokenize(request.payment().cardNumber()).token());
        return OrderProcessingEvent.create(orderId, order.owner(), instructions);
    }

    /**
     * Reads the order again: once this request holds the order's payment claim, a payment that was under way when
     * {@link #prepare} looked may have finished meanwhile (its claim is released only after its status change
     * committed), and then this one must not be sent. The read takes the order's row lock for its moment, so it
     * cannot overlap a transaction that holds the order: it waits for it and reads what it committed. With a plain
     * read, {@code PaymentClaimsIntegrationTest} once (in some hundred runs, on H2; not reproduced since, cause not
     * found) saw two of twenty requests accepted and a second event sent, which the inbox then skipped.
     */
    void stillPayable(CurrentUser user, long orderId) {
        payable(user, orderId, " FOR UPDATE");
    }

    /**
     * The order's owner, status and total, if the user may see it (404 otherwise, as for any order read), and only
     * while it waits for payment (409 otherwise). Three columns by primary key with plain JDBC: every accepted
     * request reads its order twice, and a repository read (a read-only JPA transaction and the whole entity each
     * time) was a tenth of the accept path's CPU (BENCHMARKS.md).
     */
    private Payable payable(CurrentUser user, long orderId, String lock) {
        Payable order = jdbc.query("SELECT user_email, status, total FROM orders WHERE id = ?" + lock,
            rows -> rows.next() ? new Payable(rows.getString(1), OrderStatus.valueOf(rows.getString(2)),
                rows.getBigDecimal(3)) : null, orderId);
        if (order == null || !user.mayAccess(order.owner())) {
            throw ApiException.notFound(ErrorCode.ORDER_NOT_FOUND.with(orderId), "Order " + orderId + " not found");
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw ApiException.conflict(ErrorCode.ORDER_NOT_AWAITING_PAYMENT.with(orderId, order.status()),
                "Order " + orderId + " is " + order.status()
                + "; only an order in PENDING_PAYMENT can be paid for");
        }
        return order;
    }
}
