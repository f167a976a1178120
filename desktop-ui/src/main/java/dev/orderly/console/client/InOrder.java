package dev.orderly.console.client;

import dev.orderly.model.OrderStatusChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Passes an order's status changes on in the order of their numbers: one older than a change already passed on (two
 * backends' relays can publish them out of order) is dropped, so no screen steps an order back. Unnumbered changes
 * (an older backend's) pass as they come. Remembers the newest {@value #REMEMBERED} orders.
 */
final class InOrder implements Consumer<OrderStatusChanged> {

    static final int REMEMBERED = 50_000;

    private final Consumer<OrderStatusChanged> next;
    private final Map<Long, Long> newest = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    InOrder(Consumer<OrderStatusChanged> next) {
        this.next = next;
    }

    @Override
    public void accept(OrderStatusChanged change) {
        synchronized (newest) {
            if (change.version() > 0) {
                Long latest = newest.get(change.orderId());
                if (latest != null && change.isNotNewerThan(latest)) {
                    return;
                }
                newest.put(change.orderId(), change.version());
            }
        }
        next.accept(change);
    }
}
