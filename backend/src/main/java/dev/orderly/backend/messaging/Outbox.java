package dev.orderly.backend.messaging;

import dev.orderly.backend.db.TransactionInserts;
import dev.orderly.model.OrderStatusChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends status changes to the outbox inside the transaction that makes them (sent with its commit). */
@Component
public class Outbox {

    private final TransactionInserts inserts;
    private final EventJson json;

    Outbox(TransactionInserts inserts, EventJson json) {
        this.inserts = inserts;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OrderStatusChanged change) {
        new OutboxEvent(change.orderId(), json.write(change), change.at()).insertAtCommit(inserts);
    }
}
