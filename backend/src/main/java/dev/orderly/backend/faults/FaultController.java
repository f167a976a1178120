package dev.orderly.backend.faults;

import dev.orderly.model.NoteCode;
import dev.orderly.backend.InstanceName;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Fault injection for staff: arm, list, disarm. */
@RestController
@RequestMapping("/api/admin/faults")
class FaultController {

    private final FaultInjector injector;
    private final BrokerOutage outage;
    private final InstanceName instance;
    private final AuditLog audit;

    FaultController(FaultInjector injector, BrokerOutage outage, InstanceName instance, AuditLog audit) {
        this.audit = audit;
        this.injector = injector;
        this.outage = outage;
        this.instance = instance;
    }

    /** A broker outage of {@code seconds}. */
    record OutageRequest(@Min(value = 1, message = "seconds must be between 1 and 300")
        @Max(value = 300, message = "seconds must be between 1 and 300") int seconds) {
    }

    @PostMapping("/broker-outage")
    ApiResponse<Map<String, Object>> brokerOutage(@RequestBody @Valid OutageRequest request,
        Authentication authentication) {
        Instant[] started = new Instant[1];
        audit.recordThenApply(authentication.getName(), AuditAction.BROKER_OUTAGE,
            NoteCode.SECONDS.with(request.seconds()), NoteCode.BROKER_DOWN_FOR.with(request.seconds()),
            () -> started[0] = outage.start(Duration.ofSeconds(request.seconds())));
        Instant backAt = started[0];
        return ApiResponse.ok(Map.of("backAt", backAt.toString()), "The embedded broker of "
            + instance.value() + " is down for " + request.seconds()
            + " s; meanwhile its payments answer 503 and nothing is lost");
    }

    /** Arms {@code fault} for the next {@code times} orders that reach it. */
    record ArmRequest(@NotNull(message = "fault is required: one of SHIPMENT_FAILS, WAREHOUSE_FAILS,"
        + " STATUS_UPDATE_FAILS, SLOW_CONSUMER, DUPLICATE_DELIVERY, POISON_RECORD, CRASH_DURING_PAYMENT,"
        + " CRASH_AFTER_COMMIT, CRASH_AFTER_RETRY_SENT")
        InjectableFault fault,
        @Min(value = 1, message = "times must be between 1 and 100")
        @Max(value = 100, message = "times must be between 1 and 100") int times) {
    }

    @GetMapping
    ApiResponse<Map<InjectableFault, Integer>> armed() {
        return ApiResponse.ok(injector.armed(), "Faults armed on " + instance.value());
    }

    @PostMapping
    ApiResponse<Map<InjectableFault, Integer>> arm(@RequestBody @Valid ArmRequest request,
        Authentication authentication) {
        audit.recordThenApply(authentication.getName(), AuditAction.FAULT_ARMED,
            AuditLog.name(request.fault().name()), NoteCode.FAULT_FOR_NEXT.with(request.times(), injector.armed()),
            () -> injector.arm(request.fault(), request.times()));
        return ApiResponse.ok(injector.armed(), request.fault() + " armed on " + instance.value() + " for the next "
            + request.times() + " order(s) it handles");
    }

    @DeleteMapping
    ApiResponse<Map<InjectableFault, Integer>> disarm(Authentication authentication) {
        Map<InjectableFault, Integer> were = injector.armed();
        audit.recordThenApply(authentication.getName(), AuditAction.FAULTS_DISARMED, null,
            were.isEmpty() ? NoteCode.NONE_ARMED.with() : NoteCode.WERE_ARMED.with(were), injector::disarmAll);
        return ApiResponse.ok(injector.armed(), "All faults disarmed on " + instance.value());
    }
}
