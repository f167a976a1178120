package dev.orderly.backend.processing;

import dev.orderly.backend.order.CustomerOrder;
import dev.orderly.backend.order.OrderCommands;
import dev.orderly.backend.payment.PaymentGateway;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingInstructions;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a payment request into an {@link OrderProcessingEvent}, for the Kafka path and the synchronous one alike:
 * checks owner, state and amount, and swaps the card number for the gateway's token.
 */
@Component
class ProcessingEvents {

    private final OrderCommands orders;
    private final PaymentGateway gateway;

    ProcessingEvents(OrderCommands orders, PaymentGateway gateway) {
        this.orders = orders;
        this.gateway = gateway;
    }

    OrderProcessingEvent prepare(CurrentUser user, long orderId, PayAndShipmentRequest request) {
        CustomerOrder order = payable(user, orderId);
        if (order.getTotal().compareTo(request.payment().amount()) != 0) {
            throw ApiException.badRequest("payment.amount " + request.payment().amount()
                + " does not match the order total " + order.getTotal(),
                Map.of("fields", Map.of("payment.amount", "must equal the order total " + order.getTotal())));
        }
        ProcessingInstructions instructions = ProcessingInstructions.of(request,
            gateway.tokenize(request.payment().cardNumber()).token());
        return OrderProcessingEvent.create(orderId, order.getUserEmail(), instructions);
    }

    /**
     * Reads the order again: once this request holds the order's payment claim, a payment that was under way when
     * {@link #prepare} looked may have finished meanwhile (its claim is released only after its status change
     * committed), and then this one must not be sent.
     */
    void stillPayable(CurrentUser user, long orderId) {
        payable(user, orderId);
    }

    private CustomerOrder payable(CurrentUser user, long orderId) {
        CustomerOrder order = orders.load(user, orderId);
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            throw ApiException.conflict("Order " + orderId + " is " + order.getStatus()
                + "; only an order in PENDING_PAYMENT can be paid for");
        }
        return order;
    }
}
