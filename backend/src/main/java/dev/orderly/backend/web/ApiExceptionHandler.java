package dev.orderly.backend.web;

import dev.orderly.backend.db.DatabaseOutages;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.IllegalTransitionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error in the envelope, with a message a person can act on and, for bad input, the fields at fault. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final EnvelopeWriter envelopes;

    ApiExceptionHandler(EnvelopeWriter envelopes) {
        this.envelopes = envelopes;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Object>> api(ApiException e) {
        return ResponseEntity.status(e.getStatus())
            .body(ApiResponse.error(e.getProblem(), e.getMessage(), e.getDetails()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Object>> invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> fields.merge(f.getField(),
            String.valueOf(f.getDefaultMessage()), (a, b) -> a + "; " + b));
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.put(g.getObjectName(), g.getDefaultMessage()));
        String summary = String.join("; ", fields.values());
        return ResponseEntity.badRequest().body(ApiResponse.error(ErrorCode.INVALID_REQUEST.with(
            String.join(", ", fields.keySet())), "Invalid request: " + summary, Map.of("fields", fields)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Object>> unreadable(HttpMessageNotReadableException e) {
        BodySizeLimit.BodyTooLargeException tooLarge = causeOfType(e, BodySizeLimit.BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiResponse.error(
                ErrorCode.BODY_TOO_LARGE.problem(),
                "The request body is too large: " + tooLarge.getMessage(), null));
        }
        JacksonException json = causeOfType(e, JacksonException.class);
        if (json == null) {
            // No body at all (Spring's message names the controller method: never shown), or not JSON.
            boolean missing = String.valueOf(e.getMessage()).startsWith("Required request body is missing");
            return ResponseEntity.badRequest().body(ApiResponse.error(ErrorCode.INVALID_JSON.problem(), missing
                ? "A JSON body is required" : "The request body is not valid JSON", null));
        }
        String duplicate = duplicateField(json);
        if (duplicate != null) {
            String rule = "given twice; each field may appear once";
            return ResponseEntity.badRequest().body(ApiResponse.error(ErrorCode.INVALID_REQUEST.with(duplicate),
                "Invalid request: " + duplicate + ": " + rule,
                Map.of("fields", Map.of(duplicate, rule))));
        }
        if (json instanceof StreamReadException && !(json instanceof InputCoercionException)) {
            return ResponseEntity.badRequest().body(ApiResponse.error(ErrorCode.INVALID_JSON.problem(),
                "The request body is not valid JSON (near line "
                + (json.getLocation() == null ? "?" : json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr()) + ")", null));
        }
        String field = fieldPath(json);
        String rule = rule(json);
        if (field.isEmpty()) {
            return ResponseEntity.badRequest().body(ApiResponse.error(
                ErrorCode.INVALID_JSON.problem(), "The request body is not valid JSON of the expected shape: " + rule,
                null));
        }
        return ResponseEntity.badRequest().body(ApiResponse.error(ErrorCode.INVALID_REQUEST.with(field),
            "Invalid request: " + field + ": " + rule,
            Map.of("fields", Map.of(field, rule))));
    }

    /** The field named twice in one object (the parser's strict duplicate detection), or null. */
    static String duplicateField(JacksonException json) {
        String message = String.valueOf(json.getOriginalMessage());
        if (!(json instanceof StreamReadException) || !message.startsWith("Duplicate")) {
            return null;
        }
        int open = message.indexOf('"');
        int close = message.indexOf('"', open + 1);
        String name = open < 0 || close < 0 ? "a field" : message.substring(open + 1, close);
        name = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        String path = fieldPath(json);
        return path.isEmpty() || path.endsWith(name) ? (path.isEmpty() ? name : path) : path + "." + name;
    }

    /** "items[0].quantity" from Jackson's path of the failure. */
    static String fieldPath(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : json.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The broken rule in plain words: never a library's message, class or method name. */
    static String rule(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException) {
            return "not a field of this request";
        }
        if (json instanceof BoundedDecimals.OutOfRange) {
            return BoundedDecimals.OutOfRange.RULE;
        }

        if (String.valueOf(json.getOriginalMessage()).contains("Floating-point")) {
            return "must be a whole number";
        }
        if (json instanceof InputCoercionException || json instanceof InvalidFormatException invalid
            && Number.class.isAssignableFrom(boxed(invalid.getTargetType()))) {
            return "must be a number in range (whole numbers at most " + Integer.MAX_VALUE + ")";
        }
        if (json instanceof InvalidFormatException invalid && invalid.getTargetType() != null
            && invalid.getTargetType().isEnum()) {
            String given = String.valueOf(invalid.getValue());
            return "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()) + ", not "
                + (given.length() > 40 ? given.substring(0, 40) + "..." : given);
        }
        if (json instanceof MismatchedInputException mismatched) {
            Class<?> target = mismatched.getTargetType();
            String message = String.valueOf(json.getOriginalMessage());
            if (message.contains("null")) {
                return "required, may not be null";
            }
            if (target != null && (target.isPrimitive() || Number.class.isAssignableFrom(target))) {
                return "must be a number";
            }
            if (target == boolean.class || target == Boolean.class) {
                return "must be true or false";
            }
            if (target == String.class) {
                return "must be a text";
            }
            if (target != null && (target.isArray() || Collection.class.isAssignableFrom(target))) {
                return "must be a list";
            }
            if (target != null && target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            return "has the wrong type";
        }
        return "has the wrong shape";
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == null) {
            return Object.class;
        }
        if (!type.isPrimitive()) {
            return type;
        }
        return type == boolean.class ? Boolean.class : Number.class;
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(ApiResponse.error(
            ErrorCode.INVALID_PARAMETER.with(e.getName()), "'" + e.getValue() + "' is not a valid "
            + e.getName(), null));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ApiResponse<Object>> illegalTransition(IllegalTransitionException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiResponse.error(
            ErrorCode.ILLEGAL_TRANSITION.with(e.getFrom(), e.getTo()), e.getMessage(), null));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiResponse<Object>> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiResponse.error(
            ErrorCode.STAFF_ONLY.problem(), "Only staff may do this", null));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Object>> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.error(
            ErrorCode.NO_SUCH_ENDPOINT.with("/" + e.getResourcePath()), "No such endpoint: /" + e.getResourcePath(),
            null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiResponse.error(
            ErrorCode.METHOD_NOT_ALLOWED.with(e.getMethod()), e.getMessage(), null));
    }

    /**
     * No handler answers what the request accepts ({@link JsonAnswers}): nothing ran. Written directly, since the
     * envelope is JSON and the request said it does not accept JSON.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        envelopes.write(response, HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE.problem(),
            "This endpoint answers application/json, which the"
            + " request's Accept header (" + abbreviate(request.getHeader("Accept")) + ") excludes; nothing was"
            + " changed. Accept application/json (or */*) and send it again.");
    }

    private static String abbreviate(String text) {
        return text == null ? "none" : text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE.problem(), "Send the body as application/json", null));
    }

    /** A Content-Type that is no single media type ({@code *}{@code /*}, garbage): the body cannot be read. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ApiResponse<Object>> invalidMediaType(InvalidMediaTypeException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE.problem(),
            "Send the body as application/json (Content-Type " + e.getMediaType() + " names no single type)", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Object>> unexpected(Exception e) {
        if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains("wildcard")) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE.problem(),
                    "Send the body as application/json (a Content-Type with a wildcard names no single type)", null));
        }
        if (DatabaseOutages.isOutage(e)) {
            log.warn("request refused, the database is not reachable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiResponse.error(
                ErrorCode.DATABASE_UNREACHABLE.problem(),
                    "The database is not reachable right now, so nothing was changed. Try again in a moment.", null));
        }
        // The answer names no class (callers learn nothing of the code); the reference finds it in the log.
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected error {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiResponse.error(
            ErrorCode.SERVER_ERROR.with(reference),
                "Something went wrong on the server (error " + reference + " in its log); nothing was changed"
                + " unless the order's timeline says so", null));
    }
}
