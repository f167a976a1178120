package dev.orderly.backend.order;

import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderStatusView;
import dev.orderly.model.TransitionRequest;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Order commands: create, cancel, staff transitions, refunds. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderCommands commands;
    private final OrderCreations creations;

    OrderController(OrderCommands commands, OrderCreations creations) {
        this.commands = commands;
        this.creations = creations;
    }

    /** The answer to {@code POST /api/orders}. */
    record CreatedOrder(long orderId, String status, BigDecimal total, String statusCheckUrl) {
    }

    @PostMapping
    ResponseEntity<ApiResponse<CreatedOrder>> create(@RequestBody @Valid CreateOrderRequest request,
        Authentication authentication) {
        OrderCreations.Created order = creations.create(CurrentUser.of(authentication), request);
        String statusUrl = "/api/orders/" + order.id() + "/status";
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(ApiResponse.ok(
            new CreatedOrder(order.id(), order.status().name(), order.total(), statusUrl),
            "Order created; pay for it at /api/orders/" + order.id() + "/process-payment-shipment"));
    }

    @PostMapping("/{orderId}/cancel")
    ApiResponse<OrderStatusView> cancel(@PathVariable long orderId, Authentication authentication) {
        return ApiResponse.ok(view(commands.cancel(CurrentUser.of(authentication), orderId)), "Order cancelled");
    }

    @PostMapping("/{orderId}/transitions")
    ApiResponse<OrderStatusView> transition(@PathVariable long orderId, @RequestBody @Valid TransitionRequest request,
        Authentication authentication) {
        CustomerOrder order = commands.transition(CurrentUser.of(authentication), orderId, request.target());
        return ApiResponse.ok(view(order), "Order moved to " + order.getStatus());
    }

    @PostMapping("/{orderId}/refund")
    ApiResponse<OrderStatusView> requestRefund(@PathVariable long orderId, Authentication authentication) {
        return ApiResponse.ok(view(commands.requestRefund(CurrentUser.of(authentication), orderId)),
            "Refund requested");
    }

    @PostMapping("/{orderId}/refund/complete")
    ApiResponse<OrderStatusView> completeRefund(@PathVariable long orderId, Authentication authentication) {
        return ApiResponse.ok(view(commands.completeRefund(CurrentUser.of(authentication), orderId)),
            "Refund completed");
    }

    private static OrderStatusView view(CustomerOrder order) {
        return OrderStatusView.of(order.getId(), order.getStatus(), order.getUpdatedAt());
    }
}
