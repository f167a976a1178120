package dev.orderly.backend.process;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;

/** Found under the order's lock: the event was applied meanwhile, or the order left PENDING_PAYMENT. */
class AlreadyProcessedException extends RuntimeException {

    private final transient Note why;

    AlreadyProcessedException(Note why) {
        super(NoteCode.englishOf(why), null, false, false);
        this.why = why;
    }

    /** Why, by its stable code. */
    Note why() {
        return why;
    }
}
