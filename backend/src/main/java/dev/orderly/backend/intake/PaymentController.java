package dev.orderly.backend.intake;

import dev.orderly.backend.processing.ProcessingModeSwitch;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.ProcessingMode;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's endpoint: 202 Accepted as soon as the event is on the broker; or, in the seed's synchronous mode,
 * 200 with the final status once payment, shipment and storage are done ({@link SynchronousPayments}).
 */
@RestController
class PaymentController {

    private final OrderSubmitter submitter;
    private final SynchronousPayments synchronous;
    private final ProcessingModeSwitch mode;

    PaymentController(OrderSubmitter submitter, SynchronousPayments synchronous, ProcessingModeSwitch mode) {
        this.submitter = submitter;
        this.synchronous = synchronous;
        this.mode = mode;
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
