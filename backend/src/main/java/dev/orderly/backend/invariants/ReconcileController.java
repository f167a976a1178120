package dev.orderly.backend.invariants;

import dev.orderly.model.NoteCode;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.order.OrderCommands;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Repairs what the payment-only teaching mode broke (staff): every order left paid and unfinished (the checker's
 * {@code paid-but-unfinished}) is refunded through the gateway and ends REFUNDED, by the same refund steps staff
 * use by hand, each order in its own transaction. Orders in the final design never need it.
 */
@RestController
class ReconcileController {

    private static final Logger log = LoggerFactory.getLogger(ReconcileController.class);

    private final InvariantChecker checker;
    private final OrderCommands orders;
    private final Clock clock;
    private final AuditLog audit;

    ReconcileController(InvariantChecker checker, OrderCommands orders, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.checker = checker;
        this.orders = orders;
        this.clock = clock;
    }

    @PostMapping("/api/admin/reconcile")
    ApiResponse<Map<String, Object>> reconcile(Authentication authentication) {
        CurrentUser staff = CurrentUser.of(authentication);
        List<Long> refunded = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (long orderId : checker.paidButUnfinished(clock.instant().minus(InvariantChecker.PAID_UNFINISHED_GRACE))) {
            try {
                orders.requestRefund(staff, orderId);
                orders.completeRefund(staff, orderId);
                refunded.add(orderId);
            } catch (RuntimeException e) {
                failed.add("order " + orderId + ": " + e.getMessage());
            }
        }
        log.info("reconcile by {}: refunded {}, failed {}", staff.email(), refunded, failed);
        audit.record(staff.email(), AuditAction.RECONCILED, NoteCode.ORDERS_REFUNDED.with(refunded.size()),
            failed.isEmpty() ? NoteCode.RECONCILE_REFUNDED.with(refunded)
                : NoteCode.RECONCILE_REFUNDED_SOME_FAILED.with(refunded, failed));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refunded", refunded);
        data.put("failed", failed);
        String message = refunded.isEmpty() && failed.isEmpty() ? "Nothing to reconcile: no order is paid and"
            + " unfinished" : "Refunded " + refunded.size() + " paid, unfinished order(s)"
            + (failed.isEmpty() ? "" : "; " + failed.size() + " could not be: " + String.join("; ", failed));
        return ApiResponse.ok(data, message);
    }
}
