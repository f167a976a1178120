package dev.orderly.backend.messaging;

import dev.orderly.model.OrderStatusChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends status changes to the outbox inside the transaction that makes them. */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final EventJson json;

    Outbox(OutboxRepository repository, EventJson json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OrderStatusChanged change) {
        repository.save(new OutboxEvent(change.orderId(), json.write(change), change.at()));
    }
}
