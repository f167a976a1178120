package dev.orderly.model;

import java.util.Map;

/**
 * Settings that belong to a backend and every console attached to it ({@code GET /api/admin/shared-settings}):
 * the payment simulator, the processing mode and the armed faults, each with the audit entry of its last change
 * (null when nobody changed it since the backend's data began), so a trainer sees who set what before changing it.
 */
public record SharedSettingsView(String backend, GatewaySettingsView gateway, AuditEntry gatewayChanged,
    ProcessingMode mode, AuditEntry modeChanged, Map<InjectableFault, Integer> armedFaults,
    AuditEntry faultsChanged) {
}
