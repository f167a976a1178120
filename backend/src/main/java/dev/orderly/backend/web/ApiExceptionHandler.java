package dev.orderly.backend.web;

import dev.orderly.backend.db.DatabaseOutages;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.IllegalTransitionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error in the envelope, with a message a person can act on and, for bad input, the fields at fault. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Object>> api(ApiException e) {
        return ResponseEntity.status(e.getStatus()).body(ApiResponse.error(e.getMessage(), e.getDetails()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Object>> invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> fields.merge(f.getField(),
            String.valueOf(f.getDefaultMessage()), (a, b) -> a + "; " + b));
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.put(g.getObjectName(), g.getDefaultMessage()));
        String summary = String.join("; ", fields.values());
        return ResponseEntity.badRequest().body(ApiResponse.error("Invalid request: " + summary,
            Map.of("fields", fields)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Object>> unreadable(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        String first = cause == null ? "" : cause.lines().findFirst().orElse("");
        first = first.replaceAll("\\s*\\(?(start marker )?at \\[Source.*$", "");
        return ResponseEntity.badRequest().body(ApiResponse.error(
            "The request body is not valid JSON of the expected shape: " + first, null));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(ApiResponse.error("'" + e.getValue() + "' is not a valid "
            + e.getName(), null));
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ApiResponse<Object>> illegalTransition(IllegalTransitionException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiResponse.error(e.getMessage(), null));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiResponse<Object>> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiResponse.error("Only staff may do this", null));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Object>> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.error("No such endpoint: /"
            + e.getResourcePath(), null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiResponse.error(e.getMessage(), null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error(
            "Send the body as application/json", null));
    }

    /** A Content-Type that is no single media type ({@code *}{@code /*}, garbage): the body cannot be read. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ApiResponse<Object>> invalidMediaType(InvalidMediaTypeException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error(
            "Send the body as application/json (Content-Type " + e.getMediaType() + " names no single type)", null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Object>> unexpected(Exception e) {
        if (e instanceof IllegalArgumentException && String.valueOf(e.getMessage()).contains("wildcard")) {
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error(
                "Send the body as application/json (a Content-Type with a wildcard names no single type)", null));
        }
        if (DatabaseOutages.isOutage(e)) {
            log.warn("request refused, the database is not reachable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiResponse.error(
                "The database is not reachable right now, so nothing was changed. Try again in a moment.", null));
        }
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiResponse.error(
            "Something went wrong on the server (" + e.getClass().getSimpleName() + "); nothing was changed"
                + " unless the order's timeline says so", null));
    }
}
