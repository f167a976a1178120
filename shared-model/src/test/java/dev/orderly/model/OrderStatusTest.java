package dev.orderly.model;

import static dev.orderly.model.OrderStatus.CANCELLED;
import static dev.orderly.model.OrderStatus.COMPLETED;
import static dev.orderly.model.OrderStatus.CREATED;
import static dev.orderly.model.OrderStatus.IN_TRANSIT;
import static dev.orderly.model.OrderStatus.IN_WAREHOUSE;
import static dev.orderly.model.OrderStatus.PAYMENT_COMPLETED;
import static dev.orderly.model.OrderStatus.PENDING_PAYMENT;
import static dev.orderly.model.OrderStatus.PREPARING;
import static dev.orderly.model.OrderStatus.REFUNDED;
import static dev.orderly.model.OrderStatus.REFUND_REQUESTED;
import static dev.orderly.model.OrderStatus.SHIPMENT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStatusTest {

    /** docs/architecture.md's table, written out a second time on purpose: the test is the check on the enum. */
    private static final Map<OrderStatus, Set<OrderStatus>> EXPECTED = Map.ofEntries(
        Map.entry(CREATED, EnumSet.of(PENDING_PAYMENT, CANCELLED)),
        Map.entry(PENDING_PAYMENT, EnumSet.of(PAYMENT_COMPLETED, CANCELLED)),
        Map.entry(PAYMENT_COMPLETED, EnumSet.of(PREPARING, IN_WAREHOUSE, REFUND_REQUESTED)),
        Map.entry(PREPARING, EnumSet.of(SHIPMENT_STARTED, REFUND_REQUESTED)),
        Map.entry(IN_WAREHOUSE, EnumSet.of(COMPLETED, SHIPMENT_STARTED, REFUND_REQUESTED)),
        Map.entry(SHIPMENT_STARTED, EnumSet.of(IN_TRANSIT)),
        Map.entry(IN_TRANSIT, EnumSet.of(COMPLETED)),
        Map.entry(COMPLETED, EnumSet.of(REFUND_REQUESTED)),
        Map.entry(REFUND_REQUESTED, EnumSet.of(REFUNDED)),
        Map.entry(REFUNDED, EnumSet.noneOf(OrderStatus.class)),
        Map.entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                pairs.add(Arguments.of(from, to, EXPECTED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void allowsExactlyTheTransitionsOfTheTable(OrderStatus from, OrderStatus to, boolean allowed) {
        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(from.name()).hasMessageContaining(to.name());
        }
    }

    @Test
    void coversElevenStates() {
        assertThat(OrderStatus.values()).hasSize(11);
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(OrderStatus.values());
    }

    @Test
    void onlyRefundedAndCancelledAreTerminal() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isTerminal))
            .containsExactlyInAnyOrder(REFUNDED, CANCELLED);
    }

    @Test
    void customersMayCancelOnlyBeforePayment() {
        assertThat(EnumSet.allOf(OrderStatus.class).stream().filter(OrderStatus::isCancellable))
            .containsExactlyInAnyOrder(CREATED, PENDING_PAYMENT);
    }

    @Test
    void progressNeverGoesBackwardsAlongTheHappyPaths() {
        assertThat(PENDING_PAYMENT.getProgressPercentage()).isLessThan(PAYMENT_COMPLETED.getProgressPercentage());
        assertThat(PAYMENT_COMPLETED.getProgressPercentage()).isLessThan(IN_WAREHOUSE.getProgressPercentage());
        assertThat(IN_WAREHOUSE.getProgressPercentage()).isLessThan(COMPLETED.getProgressPercentage());
        assertThat(SHIPMENT_STARTED.getProgressPercentage()).isLessThan(IN_TRANSIT.getProgressPercentage());
        assertThat(COMPLETED.getProgressPercentage()).isEqualTo(100);
    }

    @Test
    void staffMayMoveOnlyTheShippingSteps() {
        assertThat(PREPARING.staffTargets()).containsExactly(SHIPMENT_STARTED);
        assertThat(IN_WAREHOUSE.staffTargets()).containsExactly(SHIPMENT_STARTED, COMPLETED);
        assertThat(PENDING_PAYMENT.staffTargets()).isEmpty();
        assertThat(PAYMENT_COMPLETED.staffTargets()).containsExactly(PREPARING);
        for (OrderStatus from : OrderStatus.values()) {
            assertThat(from.allowedTargets()).containsAll(from.staffTargets());
        }
    }

    @Test
    void rejectsNullTarget() {
        assertThat(CREATED.canTransitionTo(null)).isFalse();
        assertThatThrownBy(() -> CREATED.transitionTo(null)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void everyStateHasADescription() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.getDescription()).isNotBlank();
        }
    }
}
