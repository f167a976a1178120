package dev.orderly.backend.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The payment provider, as the pipeline sees it. Every call that moves money is idempotent by its key or
 * authorisation id, so a retry after a crash or a duplicate delivery never charges twice.
 */
public interface PaymentGateway {

    /** Exchanges a card number for a token; the number itself is neither stored nor logged. */
    CardToken tokenize(String cardNumber);

    /**
     * Reserves {@code amount} on the card. The same key always answers with the same authorisation.
     *
     * @throws PaymentDeclinedException the issuer said no: permanent
     * @throws GatewayUnavailableException error or timeout: transient; an authorisation may exist all the same
     */
    Authorization authorize(String idempotencyKey, CardToken card, BigDecimal amount);

    /** Takes the reserved money. Idempotent. */
    void capture(String idempotencyKey);

    /** Releases an authorisation made under this key, if there is one and it was not captured. Idempotent. */
    boolean voidAuthorization(String idempotencyKey);

    /** Whether the authorisation under this key was voided (a committed payment must never hold a voided one). */
    boolean isVoided(String idempotencyKey);

    /**
     * The keys of authorisations still open (neither captured nor voided) and unchanged since {@code before}: the
     * candidates for a void whose first try was lost (the gateway or the database down at the time).
     */
    List<String> openAuthorizations(Instant before);

    /** Returns captured money to the card. Idempotent. */
    void refund(String idempotencyKey);

    /** A reserved amount. */
    record Authorization(String authorizationId, String idempotencyKey, BigDecimal amount, String cardLast4) {
    }

    /** A tokenised card. */
    record CardToken(String token, String last4) {
    }
}
