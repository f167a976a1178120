package dev.orderly.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sentence the backend writes once and keeps (an order's status reasons, its processing attempts, the audit
 * trail), as a stable {@link NoteCode} name and the values it names, so a client can say it in its user's language;
 * the stored English ({@link NoteCode#english}) says the same for clients that do not know the code. A value that is
 * itself one of the backend's sentences (why a redrive would be skipped) is a note of its own, in {@code parts}. On
 * an order's timeline a status change's note also carries who made it, under {@link #ACTOR}.
 */
public record Note(String code, Map<String, String> args, Map<String, Note> parts) {

    /** The extra value a status change's note carries on an order's timeline: who made the change. */
    public static final String ACTOR = "actor";

    public Note {
        args = args == null ? Map.of() : Map.copyOf(args);
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }

    /** A note whose values are all plain text. */
    public Note(String code, Map<String, String> args) {
        this(code, args, Map.of());
    }

    /** The note's code, if this side knows it. */
    public Optional<NoteCode> known() {
        return NoteCode.of(code);
    }

    /** The same note with one more value (for {@link #ACTOR}). */
    public Note and(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(args);
        more.put(name, value);
        return new Note(code, more, parts);
    }
}
