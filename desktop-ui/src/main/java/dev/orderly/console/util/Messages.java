package dev.orderly.console.util;

import dev.orderly.api.ApiCallException;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.util.Arrays;
import java.util.Set;

/** Turns failures into one line a person can read, in the user's language. */
public final class Messages {

    /** The values that name a status, said in the user's words with the name beside them. */
    private static final Set<String> STATUS_VALUES = Set.of("status", "target");

    private Messages() {
    }

    /**
     * A refusal by its code in the user's words ({@code error.CODE}); in English, or for a code this console does
     * not know (a newer backend), the backend's own sentence, which can say more.
     */
    public static String of(Throwable error) {
        if (error instanceof ApiCallException api) {
            return refusal(api);
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String refusal(ApiCallException api) {
        ErrorCode code = ErrorCode.of(api.problem()).orElse(null);
        if (code == null || I18n.english() && api.getMessage() != null && !api.getMessage().isBlank()) {
            return api.getMessage();
        }
        Object[] values = code.parameters().stream()
            .map(name -> inWords(name, api.problem().args().getOrDefault(name, ""), STATUS_VALUES)).toArray();
        return I18n.t("error." + code.name(), values);
    }

    /**
     * A sentence the backend stored with an order, by its note's code in the user's words ({@code note.CODE}); in
     * English, without a note (rows older than notes) or with a code this console does not know, {@code english}
     * as the backend stored it.
     */
    public static String of(Note note, String english) {
        NoteCode code = note == null ? null : note.known().orElse(null);
        if (code == null || I18n.english() && english != null) {
            return english;
        }
        Object[] values = code.parameters().stream().map(name -> {
            Note part = note.parts().get(name);
            if (part != null) {
                return of(part, NoteCode.englishOf(part));
            }
            return inWords(name, note.args().getOrDefault(name, ""), NoteCode.STATUS_VALUES);
        }).toArray();
        return I18n.t("note." + code.name(), values);
    }

    /** A timeline entry's detail in the user's words: a status change's reason with who made it. */
    public static String detail(TimelineEntry entry) {
        Note note = entry.note();
        if (note == null || note.known().isEmpty() || I18n.english()) {
            return entry.detail();
        }
        String said = of(note, entry.detail());
        String actor = note.args().get(Note.ACTOR);
        return entry.kind() == TimelineKind.STATUS_CHANGE && actor != null ? I18n.t("timeline.by", said, actor) : said;
    }

    /** A value said as it is, unless its name is one of {@code statusNames} and it names a status: then in words. */
    private static String inWords(String name, String value, Set<String> statusNames) {
        return statusNames.contains(name) && isStatus(value) ? I18n.status(OrderStatus.valueOf(value)) : value;
    }

    private static boolean isStatus(String value) {
        return Arrays.stream(OrderStatus.values()).anyMatch(s -> s.name().equals(value));
    }
}
