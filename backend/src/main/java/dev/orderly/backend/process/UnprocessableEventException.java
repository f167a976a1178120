package dev.orderly.backend.process;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;

/** An event that can never be processed (unknown order, wrong owner, wrong amount): dead-lettered at once. */
public class UnprocessableEventException extends RuntimeException {

    private final transient Note why;

    UnprocessableEventException(Note why) {
        super(NoteCode.englishOf(why));
        this.why = why;
    }

    /** Why, by its stable code. */
    Note why() {
        return why;
    }
}
