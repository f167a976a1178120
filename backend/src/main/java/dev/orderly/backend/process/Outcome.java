package dev.orderly.backend.process;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;
import dev.orderly.model.OrderStatus;

/**
 * How one delivery of an event ended, as {@link OrderProcessor} decides it. What happens to the Kafka record
 * afterwards is {@link OutcomeRouter}'s job alone: the first three are finished, a retry goes to the retry topic
 * (or to the dead-letter topic when the budget is spent), an unavailable database means the same delivery again
 * once it answers, a dead letter goes to the dead-letter topic.
 */
public sealed interface Outcome {

    /** The order was processed: payment, shipment and storage or preparing committed together. */
    record Processed(OrderStatus reached) implements Outcome {
    }

    /** The event or its order was already processed; nothing was done (the timeline says so). */
    record Duplicate(Note why) implements Outcome {
    }

    /** The card was declined: recorded on the timeline, the order stays payable, nothing to retry. */
    record Declined(String why) implements Outcome {
    }

    /** A transient failure (gateway, lock, rollback): everything was rolled back and voided; try again later. */
    record Retry(String reason, Exception cause) implements Outcome {
    }

    /**
     * The database could not be reached: the delivery is nobody's fault, so it is tried again in place once the
     * database answers, without spending its retry budget (anything authorised meanwhile is found again under the
     * same gateway key).
     */
    record Unavailable(String reason, Exception cause) implements Outcome {
    }

    /** The record can never be processed (unreadable, unknown order, wrong amount or owner). */
    record DeadLetter(Note why, Exception cause) implements Outcome {

        /** A record dead-lettered for a reason that has no code of its own (an exception's message). */
        public DeadLetter(String reason, Exception cause) {
            this(NoteCode.TEXT.with(reason), cause);
        }

        /** Why, in English (for the record's headers and the log). */
        public String reason() {
            return NoteCode.englishOf(why);
        }
    }
}
