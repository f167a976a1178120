package dev.orderly.backend.web;

import dev.orderly.model.ErrorCode;
import dev.orderly.model.Problem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers with its status, its {@link Problem} (a stable code and values, for a client to say in
 * its user's language) and the same in English, a message a person can act on.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient Problem problem;
    private final transient Object details;

    public ApiException(HttpStatus status, Problem problem, String message) {
        this(status, problem, message, null);
    }

    public ApiException(HttpStatus status, Problem problem, String message, Object details) {
        super(message);
        this.status = status;
        this.problem = problem;
        this.details = details;
    }

    public static ApiException notFound(Problem problem, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, problem, message);
    }

    public static ApiException conflict(Problem problem, String message) {
        return new ApiException(HttpStatus.CONFLICT, problem, message);
    }

    public static ApiException badRequest(Problem problem, String message, Object details) {
        return new ApiException(HttpStatus.BAD_REQUEST, problem, message, details);
    }

    /** A bad value of one request field or parameter: 400 naming it, with the rule it breaks. */
    public static ApiException invalid(String field, String message, String rule) {
        return badRequest(ErrorCode.INVALID_PARAMETER.with(field), message, Map.of("fields", Map.of(field, rule)));
    }

    public HttpStatus getStatus() {
        return status;
    }

    public Problem getProblem() {
        return problem;
    }

    public Object getDetails() {
        return details;
    }
}
