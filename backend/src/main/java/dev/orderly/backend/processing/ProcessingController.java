package dev.orderly.backend.processing;

import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's endpoint: 202 Accepted as soon as the event is on the broker; or, in the seed's synchronous mode,
 * 200 with the final status once payment, shipment and storage are done. Staff read and switch the mode.
 */
@RestController
class ProcessingController {

    private final OrderSubmitter submitter;
    private final SynchronousProcessing synchronous;
    private final ProcessingModeSwitch mode;
    private final AuditLog audit;

    ProcessingController(OrderSubmitter submitter, SynchronousProcessing synchronous, ProcessingModeSwitch mode,
        AuditLog audit) {
        this.audit = audit;
        this.submitter = submitter;
        this.synchronous = synchronous;
        this.mode = mode;
    }

    /** The body of a mode switch. */
    record ModeRequest(@NotNull(message = "mode is required: KAFKA, SYNCHRONOUS or PAYMENT_ONLY (a teaching mode)")
        ProcessingMode mode) {
    }

    @GetMapping("/api/admin/processing-mode")
    ApiResponse<ProcessingMode> mode() {
        return ApiResponse.ok(mode.mode(), mode.mode().getDescription());
    }

    @PutMapping("/api/admin/processing-mode")
    ApiResponse<ProcessingMode> switchMode(@RequestBody @Valid ModeRequest request, Authentication authentication) {
        audit.recordThenApply(authentication.getName(), AuditAction.MODE_SWITCHED, request.mode().name(),
            "was " + mode.mode(), () -> mode.switchTo(request.mode()));
        return ApiResponse.ok(mode.mode(), "Processing mode is now " + mode.mode() + ": "
            + mode.mode().getDescription());
    }

    @PostMapping("/api/orders/{orderId}/process-payment-shipment")
    ResponseEntity<ApiResponse<Map<String, Object>>> processPaymentAndShipment(@PathVariable long orderId,
        @RequestBody @Valid PayAndShipmentRequest request, Authentication authentication) {
        if (mode.mode() == ProcessingMode.SYNCHRONOUS) {
            OrderStatus reached = synchronous.processNow(CurrentUser.of(authentication), orderId, request);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("orderId", orderId);
            data.put("status", reached);
            data.put("mode", ProcessingMode.SYNCHRONOUS);
            data.put("message", "Payment, shipment and storage are done.");
            return ResponseEntity.ok(ApiResponse.ok(data, "Order processed synchronously."));
        }
        OrderProcessingEvent event = submitter.submit(CurrentUser.of(authentication), orderId, request);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", orderId);
        data.put("eventId", event.eventId());
        data.put("status", "PROCESSING");
        data.put("message", "Your order was received. Payment is being processed.");
        data.put("estimatedProcessingTime", "1-3 minutes");
        data.put("websocketTopic", "/topic/order/" + orderId);
        data.put("statusCheckUrl", "/api/orders/" + orderId + "/status");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(data, "Order processing started."));
    }
}
