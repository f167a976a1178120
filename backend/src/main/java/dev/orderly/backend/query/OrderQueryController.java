package dev.orderly.backend.query;

import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusView;
import dev.orderly.model.OrderSummary;
import dev.orderly.model.OrderView;
import dev.orderly.model.PageView;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The seed's query side (Command/Query separation): status, order with timeline, lists. */
@RestController
@RequestMapping("/api/orders")
class OrderQueryController {

    private static final int MAX_PAGE_SIZE = 500;

    private final OrderQueries queries;

    OrderQueryController(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/counts")
    ApiResponse<Map<OrderStatus, Long>> counts(Authentication authentication) {
        return ApiResponse.ok(queries.counts(CurrentUser.of(authentication)), "Orders per status");
    }

    @GetMapping("/{orderId}/status")
    ApiResponse<OrderStatusView> status(@PathVariable long orderId, Authentication authentication) {
        return ApiResponse.ok(queries.status(CurrentUser.of(authentication), orderId), "Order status found");
    }

    @GetMapping("/{orderId}")
    ApiResponse<OrderView> order(@PathVariable long orderId, Authentication authentication) {
        return ApiResponse.ok(queries.order(CurrentUser.of(authentication), orderId), "Order found");
    }

    @GetMapping
    ApiResponse<PageView<OrderSummary>> list(@RequestParam(required = false) OrderStatus status,
        @RequestParam(required = false) String email, @RequestParam(defaultValue = "0") int page,
        @RequestParam(defaultValue = "50") int size, Authentication authentication) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("page, size"),
                "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE, null);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("page"),
                "page " + page + " of " + size + " is far beyond the last order: page x size"
                + " must stay below " + Integer.MAX_VALUE, null);
        }
        PageView<OrderSummary> result = queries.list(CurrentUser.of(authentication), status, email, page, size);
        return ApiResponse.ok(result, result.totalElements() + " orders");
    }
}
