package dev.orderly.backend.query;

import dev.orderly.backend.order.CustomerOrder;
import dev.orderly.backend.order.OrderCommands;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.order.StatusHistoryEntry;
import dev.orderly.backend.order.StatusHistoryRepository;
import dev.orderly.backend.payment.PaymentRepository;
import dev.orderly.backend.processing.ProcessingAttempt;
import dev.orderly.backend.processing.ProcessingAttemptRepository;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.shipment.ShipmentRepository;
import dev.orderly.model.OrderItemView;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusView;
import dev.orderly.model.Note;
import dev.orderly.model.OrderSummary;
import dev.orderly.model.OrderView;
import dev.orderly.model.PageView;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side: status, the order with its timeline, lists. */
@Service
public class OrderQueries {

    private final OrderCommands access;
    private final OrderRepository orders;
    private final StatusHistoryRepository history;
    private final ProcessingAttemptRepository attempts;
    private final PaymentRepository payments;
    private final ShipmentRepository shipments;

    OrderQueries(OrderCommands access, OrderRepository orders, StatusHistoryRepository history,
        ProcessingAttemptRepository attempts, PaymentRepository payments, ShipmentRepository shipments) {
        this.access = access;
        this.orders = orders;
        this.history = history;
        this.attempts = attempts;
        this.payments = payments;
        this.shipments = shipments;
    }

    @Transactional(readOnly = true)
    OrderStatusView status(CurrentUser user, long orderId) {
        CustomerOrder order = access.load(user, orderId);
        return OrderStatusView.of(order.getId(), order.getStatus(), order.getUpdatedAt());
    }

    @Transactional(readOnly = true)
    public OrderView order(CurrentUser user, long orderId) {
        CustomerOrder order = access.load(user, orderId);
        List<OrderItemView> items = order.getItems().stream()
            .map(i -> new OrderItemView(i.getSku(), i.getQuantity(), i.getUnitPrice(), i.lineTotal())).toList();
        OrderView.PaymentView payment = payments.findByOrderId(orderId).map(p -> new OrderView.PaymentView(
            p.getAuthorizationId(), p.getCardLast4(), p.getAmount(), p.getState().name())).orElse(null);
        OrderView.ShipmentView shipment = shipments.findByOrderId(orderId).map(s -> new OrderView.ShipmentView(
            s.getRecipient(), s.getPhone(), s.getAddress(), s.getZipCode(), s.getTrackingNo())).orElse(null);
        OrderStatus status = order.getStatus();
        return new OrderView(order.getId(), order.getUserEmail(), status, status.getDescription(),
            status.getProgressPercentage(), status.isCancellable(), order.getTotal(), items, payment, shipment,
            order.isWarehouseStorage(), order.getCreatedAt(), order.getUpdatedAt(), timeline(orderId));
    }

    private List<TimelineEntry> timeline(long orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (StatusHistoryEntry h : history.findByOrderIdOrderByIdAsc(orderId)) {
            entries.add(new TimelineEntry(h.getChangedAt(), TimelineKind.STATUS_CHANGE, h.getFromStatus(),
                h.getToStatus(), h.getReason() + " (" + h.getActor() + ")", null, null, null, null, null,
                h.getNote() == null ? null : h.getNote().and(Note.ACTOR, h.getActor())));
        }
        for (ProcessingAttempt a : attempts.findByOrderIdOrderByIdAsc(orderId)) {
            entries.add(new TimelineEntry(a.getAttemptedAt(), a.getKind(), null, null, a.getDetail(), a.getEventId(),
                a.getTopic(), a.getPartition(), a.getOffset(), a.getRetryCount(), a.getNote()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    @Transactional(readOnly = true)
    PageView<OrderSummary> list(CurrentUser user, OrderStatus status, String email, int page, int size) {
        String owner = user.isStaff() ? blankToNull(email) : user.email();
        Page<CustomerOrder> found = orders.search(status, owner,
            PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
        List<OrderSummary> rows = found.getContent().stream().map(o -> new OrderSummary(o.getId(), o.getUserEmail(),
            o.getStatus(), o.getStatus().getProgressPercentage(), o.getTotal(), o.getCreatedAt(), o.getUpdatedAt()))
            .toList();
        return new PageView<>(rows, page, size, found.getTotalElements(), found.getTotalPages());
    }

    /** Orders per status, every status present (0 where none). */
    @Transactional(readOnly = true)
    Map<OrderStatus, Long> counts(CurrentUser user) {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        List<Object[]> rows = user.isStaff() ? orders.countGroupedByStatus()
            : orders.countGroupedByStatusFor(user.email());
        for (Object[] row : rows) {
            counts.put((OrderStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
