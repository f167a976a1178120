package dev.orderly.backend.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.payment.PaymentGateway.Authorization;
import dev.orderly.backend.payment.PaymentGateway.CardToken;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerEntry;
import dev.orderly.backend.payment.SimulatedPaymentGateway.LedgerState;
import dev.orderly.backend.support.TestDataDir;
import dev.orderly.backend.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The simulator's ledger (a real H2 file, or PostgreSQL: {@link TestDatabase}) with its group-committed writes. */
@Tag("database")
class SimulatedPaymentGatewayTest {

    private static final CardToken CARD = new CardToken("tok_test", "1111");
    private static final BigDecimal AMOUNT = new BigDecimal("25.00");

    private final Path dir = TestDataDir.create("gateway");
    private final LedgerDatabase ledgerDatabase = TestDatabase.ledger(dir);
    private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(ledgerDatabase,
        new GatewaySettings(GatewaySettings.Preset.INSTANT, null, null, 0.0, 0.0, "0002"));
    private final ExecutorService threads = Executors.newFixedThreadPool(32);

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        gateway.close();
        TestDataDir.delete(dir);
    }

    @Test
    void concurrentAuthorisationsUnderOneKeyLeaveOneEntryWhileOtherKeysInTheSameCommitsAreKept() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Authorization>> sameKey = new ArrayList<>();
        List<CompletableFuture<Authorization>> otherKeys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sameKey.add(authorizeAt(start, "order-1#0"));
            otherKeys.add(authorizeAt(start, "order-" + (100 + i) + "#0"));
        }
        start.countDown();

        // The duplicate inserts fail inside shared group commits; each rolls back to its own savepoint only.
        List<String> sameKeyAnswers = sameKey.stream().map(f -> f.join().authorizationId()).distinct().toList();
        assertThat(sameKeyAnswers).hasSize(1);
        assertThat(otherKeys.stream().map(f -> f.join().authorizationId()).distinct()).hasSize(40);
        Map<String, LedgerEntry> ledger = gateway.ledger().stream()
            .collect(Collectors.toMap(LedgerEntry::idempotencyKey, Function.identity()));
        assertThat(ledger).hasSize(41);
        assertThat(ledger.get("order-1#0").authorizationId()).isEqualTo(sameKeyAnswers.get(0));
        assertThat(ledger.values()).extracting(LedgerEntry::state).containsOnly(LedgerState.AUTHORIZED);
    }

    @Test
    void stateChangesAreWrittenAndOnlyFromTheExpectedState() {
        gateway.authorize("order-2#0", CARD, AMOUNT);
        gateway.authorize("order-3#0", CARD, AMOUNT);

        gateway.capture("order-2#0");
        gateway.capture("order-2#0");
        assertThat(gateway.voidAuthorization("order-2#0")).as("a captured payment cannot be voided").isFalse();
        assertThat(gateway.voidAuthorization("order-3#0")).isTrue();
        assertThat(gateway.isVoided("order-3#0")).isTrue();
        gateway.refund("order-2#0");

        assertThat(gateway.find("order-2#0").orElseThrow().state()).isEqualTo(LedgerState.REFUNDED);
        assertThat(gateway.find("order-3#0").orElseThrow().state()).isEqualTo(LedgerState.VOIDED);
    }

    @Test
    void writesSurviveReopeningTheLedger() {
        gateway.authorize("order-4#0", CARD, AMOUNT);
        gateway.capture("order-4#0");
        gateway.close();

        try (SimulatedPaymentGateway reopened = new SimulatedPaymentGateway(ledgerDatabase,
            new GatewaySettings(GatewaySettings.Preset.INSTANT, null, null, 0.0, 0.0, "0002"))) {
            assertThat(reopened.find("order-4#0").orElseThrow().state()).isEqualTo(LedgerState.CAPTURED);
        }
    }

    private CompletableFuture<Authorization> authorizeAt(CountDownLatch start, String key) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return gateway.authorize(key, CARD, AMOUNT);
        }, threads);
    }
}
