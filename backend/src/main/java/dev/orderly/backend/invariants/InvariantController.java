package dev.orderly.backend.invariants;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.InvariantReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invariant checker, for staff and the console. */
@RestController
class InvariantController {

    private final InvariantChecker checker;

    InvariantController(InvariantChecker checker) {
        this.checker = checker;
    }

    @GetMapping("/api/admin/invariants")
    ApiResponse<InvariantReport> invariants() {
        InvariantReport report = checker.check();
        return ApiResponse.ok(report, report.ok() ? "All invariants hold"
            : report.violations().size() + " invariants violated");
    }
}
