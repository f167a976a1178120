package dev.orderly.backend.query;

import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.StuckOrders;
import java.time.Duration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stuck orders for staff: time in state, accepted-but-not-processed apart from never-paid. */
@RestController
class StuckOrdersController {

    private final StuckOrderQueries queries;

    StuckOrdersController(StuckOrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/admin/stuck-orders")
    ApiResponse<StuckOrders> stuck(@RequestParam(required = false) Long olderThanSeconds) {
        long seconds = olderThanSeconds == null ? queries.threshold().toSeconds() : olderThanSeconds;
        if (seconds < 0 || seconds > 30 * 24 * 3600) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("olderThanSeconds"),
                "olderThanSeconds must be between 0 and 2592000 (30 days)", null);
        }
        StuckOrders stuck = queries.stuck(Duration.ofSeconds(seconds));
        return ApiResponse.ok(stuck, stuck.acceptedNotProcessedCount() + " accepted but not processed and "
            + stuck.neverPaidCount() + " never paid for more than " + seconds + " s");
    }
}
