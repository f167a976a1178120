package dev.orderly.backend.processing;

import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.OrderProcessingEvent;
import dev.orderly.model.PayAndShipmentRequest;
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

/** The seed's endpoint: 202 Accepted as soon as the event is on the broker. */
@RestController
class ProcessingController {

    private final OrderSubmitter submitter;

    ProcessingController(OrderSubmitter submitter) {
        this.submitter = submitter;
    }

    @PostMapping("/api/orders/{orderId}/process-payment-shipment")
    ResponseEntity<ApiResponse<Map<String, Object>>> processPaymentAndShipment(@PathVariable long orderId,
        @RequestBody @Valid PayAndShipmentRequest request, Authentication authentication) {
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
