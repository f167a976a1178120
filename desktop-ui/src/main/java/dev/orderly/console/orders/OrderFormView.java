package dev.orderly.console.orders;

import dev.orderly.console.orders.OrderFormViewModel.ItemLine;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The new-order form: submit stays disabled until every field is valid; server errors appear beside fields. */
public final class OrderFormView extends ScrollPane {

    private final OrderFormViewModel vm;
    private final ValidationSupport validation = new ValidationSupport();
    private final List<Runnable> refreshers = new ArrayList<>();
    private final List<Runnable> itemRefreshers = new ArrayList<>();
    private boolean buildingItems;
    private final VBox itemsBox = new VBox(4);
    private final TextField firstField;
    private final Button submit = new Button(I18n.t("form.submit"));

    public OrderFormView(OrderFormViewModel vm, LongConsumer onAccepted) {
        this.vm = vm;
        Label title = new Label(I18n.t("form.title"));
        title.getStyleClass().add("section-title");

        Button addItem = new Button(I18n.t("form.addItem"));
        addItem.setOnAction(e -> vm.addItem());
        addItem.setId("form-add-item");
        rebuildItems();
        vm.items().addListener((ListChangeListener<ItemLine>) c -> rebuildItems());

        GridPane payment = new GridPane();
        payment.setHgap(8);
        payment.setVgap(2);
        firstField = field(payment, 0, I18n.t("form.card"), vm.cardNumberProperty(), "payment.cardNumber", "form-card");
        TextField amount = field(payment, 2, I18n.t("form.amount"), vm.amountProperty(), "payment.amount",
            "form-amount");
        amount.setPromptText(I18n.t("form.amount.prompt"));
        field(payment, 4, I18n.t("form.recipient"), vm.recipientProperty(), "shipment.recipient", "form-recipient");
        field(payment, 6, I18n.t("form.phone"), vm.phoneProperty(), "shipment.phone", "form-phone");
        field(payment, 8, I18n.t("form.address"), vm.addressProperty(), "shipment.address", "form-address");
        field(payment, 10, I18n.t("form.zip"), vm.zipCodeProperty(), "shipment.zipCode", "form-zip");

        CheckBox warehouse = new CheckBox(I18n.t("form.warehouse"));
        warehouse.setWrapText(true);
        warehouse.selectedProperty().bindBidirectional(vm.warehouseStorageProperty());
        warehouse.setId("form-warehouse");

        Label total = new Label();
        total.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
            () -> I18n.t("form.total", vm.totalProperty().get()), vm.totalProperty()));
        total.getStyleClass().add("section-title");
        total.setId("form-total");

        submit.setDefaultButton(false);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        submit.setOnAction(e -> vm.submit(onAccepted));
        submit.setId("form-submit");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setId("form-message");

        Label hint = new Label(I18n.t("form.hint"));
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);

        Label items = new Label(I18n.t("form.items"));
        items.setWrapText(true);
        VBox content = new VBox(8, title, items, itemsBox, addItem, payment,
            warehouse, total, submit, message, hint);
        content.getStyleClass().add("form-pane");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        vm.errors().addListener((MapChangeListener<String, String>) c -> refresh());
        setId("order-form");
    }

    /** Focuses the first field (Ctrl+N). */
    public void focusFirst() {
        firstField.requestFocus();
    }

    public void submitIfValid() {
        if (!submit.isDisabled()) {
            submit.fire();
        }
    }

    private void rebuildItems() {
        itemsBox.getChildren().clear();
        itemRefreshers.clear();
        buildingItems = true;
        for (int i = 0; i < vm.items().size(); i++) {
            ItemLine line = vm.items().get(i);
            String prefix = "items[" + i + "].";
            TextField sku = bound(line.skuProperty(), prefix + "sku", 8.5);
            TextField quantity = bound(line.quantityProperty(), prefix + "quantity", 3.8);
            TextField price = bound(line.unitPriceProperty(), prefix + "unitPrice", 6.2);
            sku.setId("form-sku-" + i);
            quantity.setId("form-quantity-" + i);
            price.setId("form-price-" + i);
            sku.setAccessibleText(I18n.t("form.item.sku", i + 1));
            quantity.setAccessibleText(I18n.t("form.item.quantity", i + 1));
            price.setAccessibleText(I18n.t("form.item.price", i + 1));
            Button remove = new Button("x");
            remove.setAccessibleText(I18n.t("form.item.remove", i + 1));
            remove.setOnAction(e -> vm.removeItem(line));
            remove.setDisable(vm.items().size() == 1);
            Label error = errorLabel(prefix + "sku", prefix + "quantity", prefix + "unitPrice");
            itemsBox.getChildren().add(new VBox(1, new HBox(4, sku, quantity, price, remove), error));
        }
        buildingItems = false;
        refresh();
    }

    private TextField bound(StringProperty property, String path, double ems) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        Em.width(field, ems);
        HBox.setHgrow(field, Priority.ALWAYS);
        register(field, path);
        return field;
    }

    private TextField field(GridPane grid, int row, String label, StringProperty property, String path, String id) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setId(id);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Label name = new Label(label);
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setLabelFor(field);
        grid.add(name, 0, row);
        grid.add(field, 1, row);
        grid.add(errorLabel(path), 1, row + 1);
        register(field, path);
        return field;
    }

    private void register(Control control, String path) {
        validation.registerValidator(control, false, (Control c, Object value) ->
            ValidationResult.fromErrorIf(c, String.valueOf(vm.errorFor(path)), vm.errorFor(path) != null));
    }

    private Label errorLabel(String... paths) {
        Label label = new Label();
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        Runnable update = () -> {
            List<String> messages = new ArrayList<>();
            for (String path : paths) {
                String error = vm.errorFor(path);
                if (error != null) {
                    messages.add(error);
                }
            }
            label.setText(String.join("; ", messages));
            label.setVisible(!messages.isEmpty());
            label.setManaged(!messages.isEmpty());
            label.setId(messages.isEmpty() ? null : "error-" + paths[0]);
        };
        (buildingItems ? itemRefreshers : refreshers).add(update);
        update.run();
        return label;
    }

    private void refresh() {
        refreshers.forEach(Runnable::run);
        itemRefreshers.forEach(Runnable::run);
        validation.revalidate();
    }
}
