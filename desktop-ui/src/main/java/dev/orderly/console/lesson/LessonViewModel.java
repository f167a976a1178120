package dev.orderly.console.lesson;

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

    /** One step: what it is called, what its click does, and what to watch then. */
    public record Step(int number, String title, String does, String watch) {
    }

    public static final List<Step> STEPS = List.of(
        new Step(1, "Synchronous, with the seed's 3-5 s payments",
            "Switches to the seed's synchronous mode and a 3-5 s gateway, then pays for an order.",
            "the wait. The answer comes only once payment, shipment and storage are done, 3-5 s later, and the"
                + " request thread is held all that time."),
        new Step(2, "Payment only on Kafka: the seed's first attempt (teaching mode)",
            "Switches to the payment-only teaching mode, arms a shipment failure, then pays for an order.",
            "the 202 comes at once and the payment commits in its own transaction; then the shipment fails in the"
                + " next one. The order stays PAYMENT_COMPLETED, paid with no shipment, and within 5 s the checker"
                + " turns red and names it. Reconcile refunds it."),
        new Step(3, "The final design: the whole order in one transaction",
            "Switches back to the final design, arms the same shipment failure, then pays for an order.",
            "the failure rolls the whole order back and voids its charge; the retry completes it. The checker"
                + " stays green."),
        new Step(4, "A duplicate delivery",
            "Arms a duplicate delivery, then pays for an order.",
            "the event reaches the topic twice: the order's timeline shows the second copy skipped as a duplicate,"
                + " and the card is charged once."),
        new Step(5, "A poison record and a dead letter, redriven",
            "Arms a poison record and makes every payment fail, then pays for an order.",
            "the unreadable record goes straight to the dead-letter topic; the order's payment fails all its"
                + " retries (about 10 s) and follows it. Redrive mends the gateway and sends the dead letters back:"
                + " the order completes, the unreadable one is refused."),
        new Step(6, "A declined payment",
            "Has the card issuer decline the next payment, then pays for an order.",
            "the decline ends the attempt at once: the order's timeline says declined, it stays PENDING_PAYMENT,"
                + " nothing is authorised or charged (the checker stays green), and it can be paid again."));

    private static final GatewaySettingsView DEFAULT_GATEWAY = new GatewaySettingsView(50, 200, 0, 0);
    private static final GatewaySettingsView SEED_GATEWAY = new GatewaySettingsView(3_000, 5_000, 0, 0);
    private static final GatewaySettingsView FAILING_GATEWAY = new GatewaySettingsView(50, 200, 1.0, 0);

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final IntegerProperty current = new SimpleIntegerProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Step 5's order: the lesson sends back its dead letters only. */
    private volatile long deadLetterOrder;
    private final StringProperty message = new SimpleStringProperty(
        "Run the steps in order; each says what to watch. Reset returns the backend to its defaults.");

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
                yield "Order #" + orderId + " answered after %.1f s, already processed: the caller waited for all"
                    .formatted((System.nanoTime() - started) / 1e9) + " of it.";
            }
            case 2 -> {
                setUp(ProcessingMode.PAYMENT_ONLY, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.SHIPMENT_FAILS, 1);
                yield "Order #" + order() + " accepted (202). Watch the checker turn red, then Reconcile.";
            }
            case 3 -> {
                setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.SHIPMENT_FAILS, 1);
                yield "Order #" + order() + " accepted (202): watch it roll back, its charge voided, and complete.";
            }
            case 4 -> {
                setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.DUPLICATE_DELIVERY, 1);
                yield "Order #" + order() + " accepted (202) and put on the topic twice: see its timeline.";
            }
            case 6 -> {
                setUp(ProcessingMode.KAFKA, DEFAULT_GATEWAY);
                client.armFault(InjectableFault.PAYMENT_DECLINED, 1);
                long orderId = order();
                yield "Order #" + orderId + " accepted (202); the issuer declines its payment: it stays"
                    + " PENDING_PAYMENT with nothing charged. Pay for it again from the Orders screen.";
            }
            default -> {
                setUp(ProcessingMode.KAFKA, FAILING_GATEWAY);
                client.armFault(InjectableFault.POISON_RECORD, 1);
                long orderId = order();
                deadLetterOrder = orderId;
                yield "Order #" + orderId + " accepted (202) behind a poison record; the gateway fails every"
                    + " payment. Wait for the dead letters (Dead letters screen), then Redrive.";
            }
        });
    }

    /** Step 2's repair: refunds what the payment-only mode left paid and unfinished. */
    public void reconcile() {
        act(STEPS.get(1), () -> {
            List<Long> refunded = client.reconcile();
            return refunded.isEmpty() ? "Nothing to reconcile yet: no order is paid and unfinished (give the"
                + " checker its 5 s)." : "Refunded order(s) " + ids(refunded) + ": the money is back and the"
                    + " checker turns green.";
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
                return "Run step 5 first: its order's dead letters are the ones this sends back.";
            }
            if (dead.isEmpty()) {
                return "No dead letters of order #" + lessonOrder + " yet: its payment is still being retried."
                    + " Try again in a few seconds.";
            }
            List<RedriveOutcome> outcomes = client.redrive(dead.stream()
                .map(d -> new RecordRef(d.partition(), d.offset())).toList());
            long again = outcomes.stream().filter(RedriveOutcome::redriven).count();
            return "Gateway mended. Redriven: " + again + " processed again, " + (outcomes.size() - again)
                + " refused (" + outcomes.stream().filter(o -> !o.redriven()).map(RedriveOutcome::detail)
                    .findFirst().orElse("none") + ").";
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
            message.set("Reset: the final design, the default 50-200 ms gateway, no faults armed.");
        }, error -> {
            busy.set(false);
            message.set("Reset failed: " + Messages.of(error));
        });
    }

    private void act(Step step, Callable<String> work) {
        busy.set(true);
        current.set(step.number());
        message.set("Step " + step.number() + ": " + step.does());
        runner.run(work, result -> {
            busy.set(false);
            message.set("Step " + step.number() + ": " + result);
        }, error -> {
            busy.set(false);
            message.set("Step " + step.number() + " failed: " + Messages.of(error));
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
