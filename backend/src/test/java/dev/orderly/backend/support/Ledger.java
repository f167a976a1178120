package dev.orderly.backend.support;

import dev.orderly.backend.payment.SimulatedPaymentGateway;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import java.util.List;

/** The payment simulator's ledger entries of one order (its gateway keys start with the order's event ids). */
public final class Ledger {

    private Ledger() {
    }

    public static List<LedgerEntry> of(SimulatedPaymentGateway gateway, long orderId) {
        return gateway.ledger().stream().filter(e -> e.idempotencyKey().startsWith(orderId + "-")).toList();
    }
}
