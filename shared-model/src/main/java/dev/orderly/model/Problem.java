package dev.orderly.model;

import java.util.Map;

/**
 * What went wrong, as a stable {@link ErrorCode} name and the values its sentence names ({@code {"order": "12"}}),
 * so a client can say it in its user's language; the envelope's {@code message} says the same in English.
 */
public record Problem(String code, Map<String, String> args) {

    public Problem {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
