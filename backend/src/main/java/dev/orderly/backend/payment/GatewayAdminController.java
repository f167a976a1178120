package dev.orderly.backend.payment;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.GatewaySettingsView;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The payment simulator's knobs, changed at run time by staff (the console's settings). */
@RestController
@RequestMapping("/api/admin/gateway")
class GatewayAdminController {

    private final SimulatedPaymentGateway gateway;
    private final AuditLog audit;

    GatewayAdminController(SimulatedPaymentGateway gateway, AuditLog audit) {
        this.gateway = gateway;
        this.audit = audit;
    }

    @GetMapping
    ApiResponse<GatewaySettingsView> settings() {
        return ApiResponse.ok(view(gateway.settings()), "Payment simulator settings");
    }

    @PutMapping
    ApiResponse<GatewaySettingsView> update(@RequestBody @Valid GatewaySettingsView update,
        Authentication authentication) {
        if (update.latencyMaxMs() < update.latencyMinMs()) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("latencyMaxMs"),
                "latencyMaxMs must not be below latencyMinMs", null);
        }
        GatewaySettings current = gateway.settings();
        GatewaySettings updated = new GatewaySettings(current.preset(), Duration.ofMillis(update.latencyMinMs()),
            Duration.ofMillis(update.latencyMaxMs()), update.errorRate(), update.timeoutRate(),
            current.declineSuffix());
        audit.recordThenApply(authentication.getName(), AuditAction.GATEWAY_CHANGED,
            describe(NoteCode.GATEWAY, view(updated)), describe(NoteCode.GATEWAY_WAS, view(current)),
            () -> gateway.updateSettings(updated));
        return ApiResponse.ok(view(gateway.settings()), "Payment simulator updated");
    }

    private static GatewaySettingsView view(GatewaySettings settings) {
        return settings.toView();
    }

    private static Note describe(NoteCode code, GatewaySettingsView v) {
        return code.with(v.latencyMinMs(), v.latencyMaxMs(), v.errorRate(), v.timeoutRate());
    }
}
