package dev.orderly.backend.order;

import dev.orderly.backend.messaging.OrderOwnership;
import org.springframework.stereotype.Component;

/** {@link OrderOwnership} from the orders table. */
@Component
class OrderOwnershipLookup implements OrderOwnership {

    private final OrderRepository orders;

    OrderOwnershipLookup(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public boolean isOwner(long orderId, String email) {
        return orders.findById(orderId).map(order -> order.isOwnedBy(email)).orElse(false);
    }
}
