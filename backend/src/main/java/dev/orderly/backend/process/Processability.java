package dev.orderly.backend.process;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;
import dev.orderly.backend.order.CustomerOrder;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;

/**
 * Whether an event can still be applied to its order: the one rule shared by {@link OrderProcessor} (before the
 * gateway call), {@link ProcessingTransaction} (again, under the order's row lock) and the dead-letter redrive
 * preview ({@link DeadLetters}), so the three can never disagree.
 *
 * @param verdict what may be done with the event
 * @param why why, by its stable code ({@link Note}), for the order's timeline and the console
 */
public record Processability(Verdict verdict, Note why) {

    /** What may be done with an event. */
    public enum Verdict {
        /** The order waits for exactly this payment. */
        PROCESSABLE,
        /** The event, or another one for the same order, was already applied: skip it as a duplicate. */
        ALREADY_DONE,
        /** The event can never be applied: dead-letter it. */
        UNPROCESSABLE
    }

    /**
     * Assesses {@code event} against its {@code order} ({@code null} when it does not exist) and whether the
     * inbox already holds the event.
     */
    public static Processability assess(OrderProcessingEvent event, CustomerOrder order, boolean alreadyApplied) {
        if (order == null) {
            return new Processability(Verdict.UNPROCESSABLE, NoteCode.NO_SUCH_ORDER.with(event.orderId()));
        }
        if (!order.isOwnedBy(event.userEmail())) {
            return new Processability(Verdict.UNPROCESSABLE,
                NoteCode.NOT_THEIR_ORDER.with(order.getId(), event.userEmail()));
        }
        if (order.getTotal().compareTo(event.request().amount()) != 0) {
            return new Processability(Verdict.UNPROCESSABLE,
                NoteCode.AMOUNT_DIFFERS.with(event.request().amount(), order.getTotal()));
        }
        if (alreadyApplied) {
            return new Processability(Verdict.ALREADY_DONE, NoteCode.EVENT_ALREADY_PROCESSED.with(event.eventId()));
        }
        if (order.getStatus() != OrderStatus.PENDING_PAYMENT) {
            return new Processability(Verdict.ALREADY_DONE, NoteCode.ORDER_MOVED_ON.with(order.getStatus()));
        }
        return new Processability(Verdict.PROCESSABLE, NoteCode.ORDER_AWAITS_PAYMENT.with());
    }

    /** Why, in English (for exceptions and logs). */
    public String reason() {
        return NoteCode.englishOf(why);
    }

    public boolean processable() {
        return verdict == Verdict.PROCESSABLE;
    }
}
