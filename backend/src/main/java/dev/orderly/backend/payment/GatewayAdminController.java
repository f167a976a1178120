package dev.orderly.backend.payment;

import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.GatewaySettingsView;
import jakarta.validation.Valid;
import java.time.Duration;
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

    GatewayAdminController(SimulatedPaymentGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    ApiResponse<GatewaySettingsView> settings() {
        return ApiResponse.ok(view(gateway.settings()), "Payment simulator settings");
    }

    @PutMapping
    ApiResponse<GatewaySettingsView> update(@RequestBody @Valid GatewaySettingsView update) {
        if (update.latencyMaxMs() < update.latencyMinMs()) {
            throw ApiException.badRequest("latencyMaxMs must not be below latencyMinMs", null);
        }
        GatewaySettings current = gateway.settings();
        gateway.updateSettings(new GatewaySettings(current.preset(), Duration.ofMillis(update.latencyMinMs()),
            Duration.ofMillis(update.latencyMaxMs()), update.errorRate(), update.timeoutRate(),
            current.declineSuffix()));
        return ApiResponse.ok(view(gateway.settings()), "Payment simulator updated");
    }

    private static GatewaySettingsView view(GatewaySettings settings) {
        return new GatewaySettingsView(settings.effectiveMin().toMillis(), settings.effectiveMax().toMillis(),
            settings.errorRate(), settings.timeoutRate());
    }
}
