package dev.orderly.console.orders;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ShipmentRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The new-order form. It checks itself with the very Jakarta constraints the API checks (the shared-model records),
 * so the form and the server never disagree; the server's own field errors land beside the same fields.
 */
public final class OrderFormViewModel {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    /** The rules that say a value is missing: their sentence wins over a pattern a blank value also fails. */
    private static final Set<Class<?>> REQUIRED = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    /** One item line of the form. */
    public static final class ItemLine {
        private final StringProperty sku = new SimpleStringProperty("SKU-1");
        private final StringProperty quantity = new SimpleStringProperty("1");
        private final StringProperty unitPrice = new SimpleStringProperty("12.50");

        public StringProperty skuProperty() {
            return sku;
        }

        public StringProperty quantityProperty() {
            return quantity;
        }

        public StringProperty unitPriceProperty() {
            return unitPrice;
        }
    }

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final Validator validator = VALIDATION.getValidator();
    private final ObservableList<ItemLine> items = FXCollections.observableArrayList(
        line -> new Observable[] {line.sku, line.quantity, line.unitPrice});
    private final StringProperty cardNumber = new SimpleStringProperty("4111111111111111");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty recipient = new SimpleStringProperty("Alice Kim");
    private final StringProperty phone = new SimpleStringProperty("010-1234-5678");
    private final StringProperty address = new SimpleStringProperty("1 Main St, Seoul");
    private final StringProperty zipCode = new SimpleStringProperty("04524");
    private final BooleanProperty warehouseStorage = new SimpleBooleanProperty(true);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final StringProperty total = new SimpleStringProperty("0.00");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canSubmit;
    private Long createdButUnpaid;

    public OrderFormViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
        items.add(new ItemLine());
        Observable[] inputs = {items, cardNumber, amount, recipient, phone, address, zipCode, warehouseStorage};
        for (Observable input : inputs) {
            input.addListener(o -> validate());
        }
        canSubmit = Bindings.createBooleanBinding(() -> errors.isEmpty() && !busy.get(), errors, busy);
        validate();
    }

    public void addItem() {
        items.add(new ItemLine());
    }

    public void removeItem(ItemLine line) {
        if (items.size() > 1) {
            items.remove(line);
        }
    }

    /** Recomputes the local errors (the server's are cleared by any edit). */
    void validate() {
        Map<String, String> found = new LinkedHashMap<>();
        List<OrderItemRequest> lines = parseItems(found);
        CreateOrderRequest order = new CreateOrderRequest(lines);
        BigDecimal sum = found.keySet().stream().anyMatch(k -> k.startsWith("items")) ? null : order.total();
        total.set(sum == null ? "-" : sum.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        collect(validator.validate(order), found);
        BigDecimal paid = parseAmount(sum, found);
        PayAndShipmentRequest payment = request(paid);
        collect(validator.validate(payment), found);
        if (paid != null && sum != null && paid.compareTo(sum) != 0) {
            found.putIfAbsent("payment.amount", I18n.t("form.check.amountTotal", total.get()));
        }
        errors.clear();
        errors.putAll(found);
    }

    private List<OrderItemRequest> parseItems(Map<String, String> found) {
        List<OrderItemRequest> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemLine line = items.get(i);
            Integer quantity = null;
            BigDecimal price = null;
            try {
                quantity = Integer.valueOf(line.quantity.get().strip());
            } catch (NumberFormatException e) {
                found.put("items[" + i + "].quantity", I18n.t("form.check.quantity"));
            }
            try {
                price = new BigDecimal(line.unitPrice.get().strip());
            } catch (NumberFormatException e) {
                found.put("items[" + i + "].unitPrice", I18n.t("form.check.unitPrice"));
            }
            lines.add(new OrderItemRequest(line.sku.get(), quantity, price));
        }
        return lines;
    }

    private BigDecimal parseAmount(BigDecimal total, Map<String, String> found) {
        String text = amount.get() == null ? "" : amount.get().strip();
        if (text.isEmpty()) {
            return total;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            found.put("payment.amount", I18n.t("form.check.amount"));
            return null;
        }
    }

    private PayAndShipmentRequest request(BigDecimal paid) {
        return new PayAndShipmentRequest(new PaymentRequest(PaymentMethod.CARD, cardNumber.get().strip(), paid),
            new ShipmentRequest(recipient.get(), phone.get(), address.get(), zipCode.get()), warehouseStorage.get());
    }

    private static void collect(Set<? extends ConstraintViolation<?>> violations, Map<String, String> into) {
        Map<String, Boolean> required = new LinkedHashMap<>();
        for (ConstraintViolation<?> v : violations) {
            String field = v.getPropertyPath().toString();
            boolean isRequired = REQUIRED.contains(v.getConstraintDescriptor().getAnnotation().annotationType());
            // "is required" says more than a pattern a blank value also fails.
            if (!into.containsKey(field) || isRequired && !required.getOrDefault(field, false)) {
                into.put(field, I18n.t(checkKey(v.getLeafBean().getClass(), lastProperty(v),
                    v.getConstraintDescriptor().getAnnotation().annotationType())));
                required.put(field, isRequired);
            }
        }
    }

    /**
     * The bundle key of one rule of the shared model ({@code check.OrderItemRequest.sku.NotBlank}): the rule's
     * sentence in the user's language (in English the model's own message, which a test keeps equal).
     */
    public static String checkKey(Class<?> record, String property, Class<?> rule) {
        return "check." + record.getSimpleName() + "." + property + "." + rule.getSimpleName();
    }

    private static String lastProperty(ConstraintViolation<?> v) {
        String name = "";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name;
    }

    /** Creates the order and sends it for processing; {@code onAccepted} gets its id once the backend said 202. */
    public void submit(LongConsumer onAccepted) {
        validate();
        if (!canSubmit.get()) {
            message.set(I18n.t("form.fixFirst"));
            return;
        }
        busy.set(true);
        message.set(I18n.t("form.submitting"));
        List<OrderItemRequest> lines = parseItems(new LinkedHashMap<>());
        CreateOrderRequest order = new CreateOrderRequest(lines);
        PayAndShipmentRequest payment = request(parseAmount(order.total(), new LinkedHashMap<>()));
        Long reuse = createdButUnpaid;
        boolean[] synchronous = new boolean[1];
        // One key per submission: if an answer is lost and the client library sends a request again, the backend
        // answers as the first time instead of creating a second order or a second payment request.
        String submission = UUID.randomUUID().toString();
        runner.run(() -> {
            long id = reuse != null ? reuse : client.createOrder(order, submission + "-create");
            createdButUnpaid = id;
            synchronous[0] = client.pay(id, payment, submission + "-pay").isEmpty();
            return id;
        }, id -> {
            busy.set(false);
            createdButUnpaid = null;
            message.set(I18n.t(synchronous[0] ? "form.processedSynchronously" : "form.accepted", String.valueOf(id)));
            onAccepted.accept(id);
        }, error -> {
            busy.set(false);
            if (error instanceof ApiCallException api && !api.fieldErrors().isEmpty()) {
                errors.putAll(api.fieldErrors());
            }
            message.set(createdButUnpaid != null
                ? I18n.t("form.createdNotSent", String.valueOf(createdButUnpaid), Messages.of(error))
                : I18n.t("form.notSubmitted", Messages.of(error)));
        });
    }

    /** The error of one field path (e.g. {@code payment.cardNumber}), or null. */
    public String errorFor(String path) {
        return errors.get(path);
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ObservableList<ItemLine> items() {
        return items;
    }

    public StringProperty cardNumberProperty() {
        return cardNumber;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty zipCodeProperty() {
        return zipCode;
    }

    public BooleanProperty warehouseStorageProperty() {
        return warehouseStorage;
    }

    public ReadOnlyStringProperty totalProperty() {
        return total;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
