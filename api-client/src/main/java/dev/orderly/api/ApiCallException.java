package dev.orderly.api;

import dev.orderly.model.ErrorCode;
import dev.orderly.model.Problem;
import java.util.Map;

/**
 * The backend refused a call, or could not be reached (status 0); {@code problem} is what went wrong as a stable
 * {@link ErrorCode} with its values (null if the answer named none), for a client to say in its user's language, the
 * message the same in English; {@code fieldErrors} maps request fields to what is wrong with them, {@code answer} is
 * the body it answered with (empty when none).
 */
public class ApiCallException extends RuntimeException {

    private final int status;
    private final transient Map<String, String> fieldErrors;
    private final String answer;
    private final transient Problem problem;

    public ApiCallException(int status, String message, Map<String, String> fieldErrors) {
        this(status, null, message, fieldErrors, "");
    }

    public ApiCallException(int status, Problem problem, String message, Map<String, String> fieldErrors,
        String answer) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.answer = answer == null ? "" : answer;
    }

    public int status() {
        return status;
    }

    /** What went wrong as a code and its values, or null when the answer named none. */
    public Problem problem() {
        return problem;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** The body of the answer as the backend sent it (a health check's components on a 503, say). */
    public String answer() {
        return answer;
    }
}
