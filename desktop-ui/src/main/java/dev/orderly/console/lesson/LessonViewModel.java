package dev.orderly.console.lesson;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.RecordRef;
import dev.orderly.model.RedriveOutcome;
import dev.orderly.model.ShipmentRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The seed's whole story as six steps a trainer runs with one click each (staff): synchronous and slow; payment
 * alone on Kafka (a teaching mode) losing integrity, then reconciled; the final design holding under the same
 * failure; a duplicate skipped; a poison record and a failed payment dead-lettered, then redriven; a declined
 * payment that charges nothing and leaves the order payable. Each step sets
 * the backend up, sends one order through the same API the form uses, and says what to watch. Reset puts the
 * backend back to its defaults.
 */
public final class LessonViewModel {

    /** One step: what it is called, what its click does, and what to watch then, in the user's words. */
    public record Step(int number) {

        public String title() {
            return I18n.t("lesson.step." + number + ".title");
        }

        public String does() {
            return I18n.t("lesson.step." + number + ".does");
        }

        public String watch() {
            return I18n.t("lesson.step." + number + ".watch");
        }
    }

    public static final List<Step> STEPS = List.of(new Step(1), new Step(2), new Step(3), new Step(4), new Step(5),
        new Step(6));

    private static final GatewaySettingsView DEFAULT_GATEWAY = new GatewaySettingsView(50, 200, 0, 0);
    private static final GatewaySettingsView SEED_GATEWAY = new GatewaySettingsView(3_000, 5_000, 0, 0);
    private static final GatewaySettingsView FAILING_GATEWAY = new GatewaySettingsView(50, 200, 1.0, 0);

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Step 5's order: the lesson sends back its dead letters only. */
    private volatile long deadLetterOrder;
    private final StringProperty message = new SimpleStringProperty(I18n.t("lesson.start"));

    public LessonViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
    }

    /** Runs step {@code number} (1-6). */
    public void run(int number) {
        Step step = STEPS.get(number - 1);
        act(step, () -> switch (number) {
            case 1 -> {
                setUp(ProcessingMode.SYNCHRONOUS, SEED_GATEWAY);
                long started = System.nanoTime();
                long orderId = order();
                yield I18n.t("lesson.done.1", String.valueOf(orderId),
                    I18n.number((System.nanoTime() - started) / 1e9, 1));
            }
            case 2 -> {
                setUp(ProcessingMode.PAYMENT_ONLY, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.SHIPMENT_FAILS, 1);
                yield I18n.t("lesson.done.2", String.valueOf(order()));
            }
            case 3 -> {
                setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.SHIPMENT_FAILS, 1);
                yield I18n.t("lesson.done.3", String.valueOf(order()));
            }
            case 4 -> {
                setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.DUPLICATE_DELIVERY, 1);
                yield I18n.t("lesson.done.4", String.valueOf(order()));
            }
            case 6 -> {
                setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.PAYMENT_DECLINED, 1);
                long orderId = order();
                yield I18n.t("lesson.done.6", String.valueOf(orderId));
            }
            default -> {
                setUp(ProcessingMode.KAFKA, FAILING_GATEWAY);
                client.armFault(InjectableFault.POISON_RECORD, 1);
                long orderId = order();
                deadLetterOrder = orderId;
                yield I18n.t("lesson.done.5", String.valueOf(orderId));
            }
        });
    }

    /** Step 2's repair: refunds what the payment-only mode left paid and unfinished. */
    public void reconcile() {
        act(STEPS.get(1), () -> {
            List<Long> refunded = client.reconcile();
            return refunded.isEmpty() ? I18n.t("lesson.reconcile.nothing")
                : I18n.t("lesson.reconcile.done", ids(refunded));
        });
    }

    /**
     * Step 5's repair: the gateway mended, the step's own dead letters (its order's failed payment and the poison
     * record put on that order's key) sent back, and no one else's; says what each became.
     */
    public void redrive() {
        act(STEPS.get(4), () -> {
            client.updateGatewaySettings(DEFAULT_GATEWAY);
            long lessonOrder = deadLetterOrder;
            List<DeadLetterView> dead = client.deadLetters().stream()
                .filter(d -> d.orderId() != null && d.orderId() == lessonOrder).toList();
            if (lessonOrder == 0) {
                return I18n.t("lesson.redrive.first");
            }
            if (dead.isEmpty()) {
                return I18n.t("lesson.redrive.notYet", String.valueOf(lessonOrder));
            }
            List<RedriveOutcome> outcomes = client.redrive(dead.stream()
                .map(d -> new RecordRef(d.partition(), d.offset())).toList());
            long again = outcomes.stream().filter(RedriveOutcome::redriven).count();
            return I18n.t("lesson.redrive.done", String.valueOf(again), String.valueOf(outcomes.size() - again),
                outcomes.stream().filter(o -> !o.redriven()).map(RedriveOutcome::detail).findFirst()
                    .orElse(I18n.t("lesson.none")));
        });
    }

    /** The backend back to its defaults: the final design, the default gateway, no faults armed. */
    public void reset() {
        busy.set(true);
        runner.run(() -> {
            setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
            return null;
        }, ignored -> {
            busy.set(false);
            current.set(0);
            message.set(I18n.t("lesson.reset.done"));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("lesson.reset.failed", Messages.of(error)));
        });
    }

    private void act(Step step, Callable<String> work) {
        busy.set(true);
        current.set(step.number());
        message.set(I18n.t("lesson.step", String.valueOf(step.number()), step.does()));
        runner.run(work, result -> {
            busy.set(false);
            message.set(I18n.t("lesson.step", String.valueOf(step.number()), result));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("lesson.step.failed", String.valueOf(step.number()), Messages.of(error)));
        });
    }

    private void setUp(ProcessingMode mode, GatewaySettingsView gateway) {
        client.disarmFaults();
        client.updateGatewaySettings(gateway);
        client.switchProcessingMode(mode);
    }

    /** One order through the same API the form uses, held in the warehouse so that it ends COMPLETED. */
    private long order() {
        BigDecimal price = new BigDecimal("24.50");
        long orderId = client.createOrder(new CreateOrderRequest(List.of(new OrderItemRequest("LESSON-1", 2,
            price))));
        client.pay(orderId, new PayAndShipmentRequest(new PaymentRequest(PaymentMethod.CARD, "4111111111111111",
            price.multiply(BigDecimal.valueOf(2))), new ShipmentRequest("Lesson Learner", "010-0000-0000",
            "1 Classroom Road", "04524"), true));
        return orderId;
    }

    private static String ids(List<Long> orders) {
        return String.join(", ", orders.stream().map(id -> "#" + id).toList());
    }

    /** The step run last (1-6), or 0. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
