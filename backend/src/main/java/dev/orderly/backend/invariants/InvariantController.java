package dev.orderly.backend.invariants;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.InvariantReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invariant checker, for staff and the console. A check reads every order, payment and ledger entry, so one
 * report serves every viewer for {@link #SHARED_FOR}: ten open Faults screens polling every 2 s cost one check per
 * interval, not ten. Viewers asking while a check runs wait for it and share its report.
 */
@RestController
class InvariantController {

    static final Duration SHARED_FOR = Duration.ofMillis(1500);

    private final InvariantChecker checker;
    private final Clock clock;
    private InvariantReport last;
    private Instant lastDone;
    private long checks;

    InvariantController(InvariantChecker checker, Clock clock) {
        this.checker = checker;
        this.clock = clock;
    }

    @GetMapping("/api/admin/invariants")
    ApiResponse<InvariantReport> invariants() {
        InvariantReport report = shared();
        return ApiResponse.ok(report, report.ok() ? "All invariants hold"
            : report.violations().size() + (report.violations().size() == 1 ? " invariant" : " invariants")
                + " violated");
    }

    /** The last report if it is recent enough, else a new one (computed once however many ask at the same time). */
    synchronized InvariantReport shared() {
        if (last == null || !lastDone.plus(SHARED_FOR).isAfter(clock.instant())) {
            last = checker.check();
            lastDone = clock.instant();
            checks++;
        }
        return last;
    }

    /** How many checks this controller ran (for the test that viewers share them). */
    synchronized long checks() {
        return checks;
    }
}
