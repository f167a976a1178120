package dev.orderly.console.statemachine;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.console.util.UpdateBatcher;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.UserView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The diagram's data: the live count of orders in each state, the selected order's current state and path, and
 * the committed transitions to animate.
 */
public final class StateMachineViewModel {

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final UserView user;
    private final DiagramLayout layout = new DiagramLayout();
    private final Map<OrderStatus, LongProperty> counts = new EnumMap<>(OrderStatus.class);
    private final ObjectProperty<OrderStatus> current = new SimpleObjectProperty<>();
    private final ObservableList<OrderStatus> path = FXCollections.observableArrayList();
    private final StringProperty selection = new SimpleStringProperty(I18n.t("diagram.none"));
    private final List<Consumer<List<DiagramLayout.Edge>>> animators = new ArrayList<>();
    private final UpdateBatcher<OrderStatusChanged> updates;
    private final Map<Long, Set<Transition>> applied = new HashMap<>();

    /** One move of an order; {@code from} is null for its creation. */
    private record Transition(OrderStatus from, OrderStatus to) {
    }
    private long selectedId = -1;

    public StateMachineViewModel(OrderlyClient client, TaskRunner runner, UserView user) {
        this.client = client;
        this.runner = runner;
        this.user = user;
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, new SimpleLongProperty(0));
        }
        this.updates = new UpdateBatcher<>(runner, this::apply);
    }

    public Runnable listen() {
        return client.onStatusChange(this::offer);
    }

    public void offer(OrderStatusChanged change) {
        if (user.isStaff() || user.email().equalsIgnoreCase(change.userEmail())) {
            updates.offer(change);
        }
    }

    public void loadCounts() {
        runner.run(client::counts, loaded -> loaded.forEach((status, count) -> counts.get(status).set(count)),
            error -> selection.set(I18n.t("diagram.notLoaded", Messages.of(error))));
    }

    private void apply(List<OrderStatusChanged> batch) {
        List<DiagramLayout.Edge> moved = new ArrayList<>();
        for (OrderStatusChanged change : batch) {
            // Status events are delivered at least once: a change already applied must not count twice. An order
            // takes each transition at most once (the state machine has no cycles), so the transition is the key;
            // timestamps are not (two changes of one commit can carry the same instant, which made the second one
            // look like a repeat and left its count behind).
            if (!applied.computeIfAbsent(change.orderId(), id -> new HashSet<>())
                .add(new Transition(change.from(), change.to()))) {
                continue;
            }
            if (change.from() != null) {
                LongProperty from = counts.get(change.from());
                from.set(Math.max(0, from.get() - 1));
                moved.add(new DiagramLayout.Edge(change.from(), change.to()));
            }
            counts.get(change.to()).set(counts.get(change.to()).get() + 1);
            if (change.orderId() == selectedId) {
                current.set(change.to());
                if (path.isEmpty() || path.get(path.size() - 1) != change.to()) {
                    path.add(change.to());
                }
            }
        }
        if (!moved.isEmpty()) {
            animators.forEach(a -> a.accept(moved));
        }
    }

    /** Highlights an order's current state and the path it took. */
    public void show(OrderView order) {
        if (order == null) {
            return;
        }
        selectedId = order.orderId();
        List<OrderStatus> taken = new ArrayList<>();
        for (TimelineEntry entry : order.timeline()) {
            if (entry.kind() == TimelineEntry.TimelineKind.STATUS_CHANGE && entry.to() != null) {
                taken.add(entry.to());
            }
        }
        path.setAll(taken);
        current.set(order.status());
        selection.set(I18n.t("diagram.selected", Long.toString(order.orderId()), I18n.status(order.status()),
            I18n.t("statusText." + order.status().name())));
    }

    /** The view registers here to animate committed transitions along their edges. */
    public void onTransitions(Consumer<List<DiagramLayout.Edge>> animator) {
        animators.add(animator);
    }

    public DiagramLayout layout() {
        return layout;
    }

    public LongProperty countProperty(OrderStatus status) {
        return counts.get(status);
    }

    public ObjectProperty<OrderStatus> currentProperty() {
        return current;
    }

    public ObservableList<OrderStatus> path() {
        return path;
    }

    public ReadOnlyStringProperty selectionProperty() {
        return selection;
    }
}
