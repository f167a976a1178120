package dev.orderly.backend.order;

import dev.orderly.model.OrderStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An order. Its status only moves along {@link OrderStatus}'s table, through {@link OrderStatusChanger}. */
@Entity
@Table(name = "orders")
public class CustomerOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_email", nullable = false)
    private String userEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "warehouse_storage", nullable = false)
    private boolean warehouseStorage;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /** The number of the order's latest status change: 1 at creation, one more with each change. */
    @Column(name = "status_version", nullable = false)
    private long statusVersion = 1;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OrderItem> items = new ArrayList<>();

    protected CustomerOrder() {
    }

    /** Moves the status, refusing any move the table does not allow. */
    OrderStatus moveTo(OrderStatus target, Instant now) {
        OrderStatus from = status;
        status = status.transitionTo(target);
        statusVersion++;
        updatedAt = now;
        return from;
    }

    public void markWarehouseStorage(boolean storage) {
        this.warehouseStorage = storage;
    }

    public boolean isOwnedBy(String email) {
        return userEmail.equalsIgnoreCase(email);
    }

    public Long getId() {
        return id;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public long getStatusVersion() {
        return statusVersion;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public boolean isWarehouseStorage() {
        return warehouseStorage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<OrderItem> getItems() {
        return Collections.unmodifiableList(items);
    }
}
