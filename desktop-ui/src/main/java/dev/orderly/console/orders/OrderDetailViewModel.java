package dev.orderly.console.orders;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.UserView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected order with its timeline, and the actions its state and the user's role allow. */
public final class OrderDetailViewModel {

    /** What the detail pane may offer. */
    public enum Action { CANCEL, REQUEST_REFUND, COMPLETE_REFUND }

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final UserView user;
    private final ObjectProperty<OrderView> order = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<OrderStatus> staffMoves = FXCollections.observableArrayList();
    private final ObservableList<Action> actions = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(I18n.t("detail.select"));
    private long selected = -1;

    public OrderDetailViewModel(OrderlyClient client, TaskRunner runner, UserView user) {
        this.client = client;
        this.runner = runner;
        this.user = user;
    }

    public void select(long orderId) {
        selected = orderId;
        reload();
    }

    public long selectedId() {
        return selected;
    }

    public void reload() {
        long id = selected;
        if (id < 0) {
            return;
        }
        runner.run(() -> client.order(id), view -> {
            if (id == selected) {
                show(view);
            }
        }, error -> message.set(I18n.t("detail.notLoaded", String.valueOf(id), Messages.of(error))));
    }

    private void show(OrderView view) {
        order.set(view);
        timeline.setAll(view.timeline());
        OrderStatus status = view.status();
        staffMoves.setAll(user.isStaff() ? new ArrayList<>(status.staffTargets()) : List.of());
        List<Action> allowed = new ArrayList<>();
        if (status.isCancellable()) {
            allowed.add(Action.CANCEL);
        }
        if (status.canTransitionTo(OrderStatus.REFUND_REQUESTED)) {
            allowed.add(Action.REQUEST_REFUND);
        }
        if (user.isStaff() && status == OrderStatus.REFUND_REQUESTED) {
            allowed.add(Action.COMPLETE_REFUND);
        }
        actions.setAll(allowed);
        message.set(I18n.t("detail.order", String.valueOf(view.orderId()), I18n.t("statusText." + status.name())));
    }

    public void move(OrderStatus target) {
        act(() -> {
            client.transition(selected, target);
            return I18n.t("detail.movedTo", I18n.status(target));
        });
    }

    public void perform(Action action) {
        act(() -> {
            switch (action) {
                case CANCEL -> client.cancel(selected);
                case REQUEST_REFUND -> client.requestRefund(selected);
                case COMPLETE_REFUND -> client.completeRefund(selected);
                default -> throw new IllegalArgumentException(action.name());
            }
            return I18n.t("detail.done." + action.name());
        });
    }

    private void act(Callable<String> command) {
        long id = selected;
        runner.run(command, done -> {
            message.set(I18n.t("detail.order", String.valueOf(id), done));
            reload();
        }, error -> message.set(I18n.t("detail.order", String.valueOf(id), Messages.of(error))));
    }

    public ReadOnlyObjectProperty<OrderView> orderProperty() {
        return order;
    }

    public ObservableList<TimelineEntry> timeline() {
        return timeline;
    }

    public ObservableList<OrderStatus> staffMoves() {
        return staffMoves;
    }

    public ObservableList<Action> actions() {
        return actions;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
