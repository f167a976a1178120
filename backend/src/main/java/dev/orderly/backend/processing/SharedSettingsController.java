package dev.orderly.backend.processing;

import dev.orderly.backend.InstanceName;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.faults.FaultInjector;
import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.SharedSettingsView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every console attached to this backend shares (staff): the payment simulator, the processing mode and the
 * armed faults, each with who changed it last and when (from the audit trail), so a trainer sees another's change
 * before making one. These settings live in the backend they are changed on; the entries are that backend's.
 */
@RestController
class SharedSettingsController {

    private final SimulatedPaymentGateway gateway;
    private final ProcessingModeSwitch mode;
    private final FaultInjector faults;
    private final AuditLog audit;
    private final InstanceName instance;

    SharedSettingsController(SimulatedPaymentGateway gateway, ProcessingModeSwitch mode, FaultInjector faults,
        AuditLog audit, InstanceName instance) {
        this.gateway = gateway;
        this.mode = mode;
        this.faults = faults;
        this.audit = audit;
        this.instance = instance;
    }

    @GetMapping("/api/admin/shared-settings")
    ApiResponse<SharedSettingsView> sharedSettings() {
        SharedSettingsView view = new SharedSettingsView(instance.value(), gateway.settings().toView(),
            last(AuditAction.GATEWAY_CHANGED), mode.mode(), last(AuditAction.MODE_SWITCHED), faults.armed(),
            last(AuditAction.FAULT_ARMED, AuditAction.FAULTS_DISARMED));
        return ApiResponse.ok(view, "Settings shared by every console attached to " + instance.value());
    }

    private AuditEntry last(AuditAction... actions) {
        return audit.lastOnThisBackend(List.of(actions)).orElse(null);
    }
}
