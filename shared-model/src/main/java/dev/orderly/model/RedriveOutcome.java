package dev.orderly.model;

/**
 * What a redrive of one dead letter will do (preview) or did: {@code processable} says whether the order can
 * still be processed; {@code detail} says why or what happened, in English, and {@code note} the same by its code.
 */
public record RedriveOutcome(int partition, long offset, Long orderId, boolean processable, boolean redriven,
    String detail, Note note) {

    /** An outcome whose detail has no note (tests; an older backend). */
    public RedriveOutcome(int partition, long offset, Long orderId, boolean processable, boolean redriven,
        String detail) {
        this(partition, offset, orderId, processable, redriven, detail, null);
    }

    /** An outcome said by its note, with the note's English as its detail. */
    public static RedriveOutcome of(int partition, long offset, Long orderId, boolean processable, boolean redriven,
        Note note) {
        return new RedriveOutcome(partition, offset, orderId, processable, redriven, NoteCode.englishOf(note), note);
    }
}
