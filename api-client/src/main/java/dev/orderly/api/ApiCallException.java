package dev.orderly.api;

import java.util.Map;

/**
 * The backend refused a call, or could not be reached (status 0); {@code fieldErrors} maps request fields to what is
 * wrong with them, {@code answer} is the body it answered with (empty when none).
 */
public class ApiCallException extends RuntimeException {

    private final int status;
    private final transient Map<String, String> fieldErrors;
    private final String answer;

    public ApiCallException(int status, String message, Map<String, String> fieldErrors) {
        this(status, message, fieldErrors, "");
    }

    public ApiCallException(int status, String message, Map<String, String> fieldErrors, String answer) {
        super(message);
        this.status = status;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.answer = answer == null ? "" : answer;
    }

    public int status() {
        return status;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The body of the answer as the backend sent it (a health check's components on a 503, say). */
    public String answer() {
        return answer;
    }
}
