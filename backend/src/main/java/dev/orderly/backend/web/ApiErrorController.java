package dev.orderly.backend.web;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container answers itself (before or outside a controller) in the same envelope as every
 * other answer, instead of Spring Boot's own error page. Asked for directly, {@code /error} is no endpoint: 404.
 */
@RestController
@Hidden // the container's error path, not part of the API's description
class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ApiResponse<Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.error(
                ErrorCode.NO_SUCH_ENDPOINT.with("/error"), "No such endpoint: /error", null));
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String text = message == null || message.toString().isBlank() ? status.getReasonPhrase()
            : message.toString();
        return ResponseEntity.status(status).body(ApiResponse.error(
            ErrorCode.REQUEST_REFUSED.with(status.value()), text, null));
    }
}
