package dev.orderly.console.orders;

import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderSummary;
import java.math.BigDecimal;
import java.time.Instant;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One order in the table, updated in place as its status changes. */
public final class OrderRow {

    private final long orderId;
    private final String email;
    private final ObjectProperty<OrderStatus> status = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final ObjectProperty<BigDecimal> total = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> updatedAt = new SimpleObjectProperty<>();

    public OrderRow(long orderId, String email, OrderStatus status, BigDecimal total, Instant updatedAt) {
        this.orderId = orderId;
        this.email = email;
        this.total.set(total);
        update(status, updatedAt);
    }

    static OrderRow of(OrderSummary summary) {
        return new OrderRow(summary.orderId(), summary.userEmail(), summary.status(), summary.total(),
            summary.updatedAt());
    }

    void update(OrderStatus newStatus, Instant at) {
        status.set(newStatus);
        progress.set(newStatus.getProgressPercentage() / 100.0);
        updatedAt.set(at);
    }

    public long orderId() {
        return orderId;
    }

    public String email() {
        return email;
    }

    public ObjectProperty<OrderStatus> statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<BigDecimal> totalProperty() {
        return total;
    }

    public ObjectProperty<Instant> updatedAtProperty() {
        return updatedAt;
    }
}
