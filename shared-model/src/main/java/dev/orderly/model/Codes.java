package dev.orderly.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link ErrorCode} and {@link NoteCode} share: values named by their code's parameters. */
final class Codes {

    private Codes() {
    }

    /** {@code values} named by {@code parameters}, in that order; fails unless there is one value for each. */
    static Map<String, String> args(String code, List<String> parameters, Object... values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(code + " needs " + parameters + ", got " + Arrays.toString(values));
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            args.put(parameters.get(i), String.valueOf(values[i]));
        }
        return args;
    }
}
