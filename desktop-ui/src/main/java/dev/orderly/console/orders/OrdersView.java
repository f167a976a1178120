package dev.orderly.console.orders;

import dev.orderly.console.util.Em;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;

/** Form on the left; table above the selected order's detail on the right. */
public final class OrdersView extends SplitPane {

    private final OrderFormView form;
    private final OrdersTableView table;

    public OrdersView(OrderFormView form, OrdersTableView table, OrderDetailView detail) {
        this.form = form;
        this.table = table;
        SplitPane right = new SplitPane(table, detail);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        // The form's labels never shrink: at a larger text size the form column grows instead.
        Em.minWidth(form, 24);
        getItems().addAll(form, right);
        setDividerPositions(0.27);
        setId("orders-view");
    }

    public OrderFormView form() {
        return form;
    }

    public OrdersTableView table() {
        return table;
    }
}
