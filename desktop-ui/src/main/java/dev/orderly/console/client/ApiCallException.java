package dev.orderly.console.client;

import java.util.Map;

/** The backend refused a call; {@code fieldErrors} maps request fields to what is wrong with them. */
public class ApiCallException extends RuntimeException {

    private final int status;
    private final transient Map<String, String> fieldErrors;

    public ApiCallException(int status, String message, Map<String, String> fieldErrors) {
        super(message);
        this.status = status;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
