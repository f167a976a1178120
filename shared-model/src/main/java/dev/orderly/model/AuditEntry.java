package dev.orderly.model;

import java.time.Instant;

/**
 * One staff action in the audit trail: who did what, when, on which backend.
 *
 * @param subject what it acted on ("order 42", "SHIPMENT_FAILS x3", "latency 50-200 ms"), or null
 * @param backend the name of the backend that carried it out ({@code orderly.instance-name})
 */
public record AuditEntry(long id, Instant at, String user, AuditAction action, String subject, String detail,
    String backend) {
}
