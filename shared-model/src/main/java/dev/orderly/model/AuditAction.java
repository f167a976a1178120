package dev.orderly.model;

/** What a staff action recorded in the audit trail ({@code GET /api/admin/audit}) did. */
public enum AuditAction {
    ORDER_TRANSITION("Order moved by hand"),
    ORDER_CANCELLED("Order cancelled"),
    REFUND_REQUESTED("Refund requested"),
    REFUND_COMPLETED("Refund completed"),
    FAULT_ARMED("Fault armed"),
    FAULTS_DISARMED("Faults disarmed"),
    BROKER_OUTAGE("Broker outage started"),
    GATEWAY_CHANGED("Payment simulator changed"),
    MODE_SWITCHED("Processing mode switched"),
    DEAD_LETTERS_REDRIVEN("Dead letters redriven"),
    RECONCILED("Teaching-mode damage reconciled"),
    CONSUMERS_STOPPED("Order consumers stopped"),
    CONSUMERS_STARTED("Order consumers started"),
    OFFSETS_RESET("Consumer group offsets reset");

    private final String description;

    AuditAction(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }
}
