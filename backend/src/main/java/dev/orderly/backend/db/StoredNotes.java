package dev.orderly.backend.db;

import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the backend keeps a {@link Note} beside the English it stored (a column, a dead letter's header): as JSON,
 * with each value cut to what the place holds. Reading one back never fails: a missing or unreadable note is none,
 * and the stored English stands.
 */
public final class StoredNotes {

    private StoredNotes() {
    }

    /** {@code notes} (a note, or a record of notes) as JSON; null for null. */
    public static String json(Object notes) {
        return notes == null ? null : JsonMapper.shared().writeValueAsString(notes);
    }

    /** What {@link #json} wrote, or null when there is nothing or it cannot be read. */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JsonMapper.shared().readValue(json, type);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The note's English ({@link NoteCode#englishOf}); null for null. */
    public static String english(Note note) {
        return note == null ? null : NoteCode.englishOf(note);
    }

    /** The note with each value, its parts' too, cut to {@code max} characters (an exception's whole message). */
    public static Note bounded(Note note, int max) {
        if (note == null) {
            return null;
        }
        Map<String, String> args = new LinkedHashMap<>();
        note.args().forEach((k, v) -> args.put(k, v.length() <= max ? v : v.substring(0, max - 1) + "…"));
        Map<String, Note> parts = new LinkedHashMap<>();
        note.parts().forEach((k, part) -> parts.put(k, bounded(part, max)));
        return new Note(note.code(), args, parts);
    }
}
