package dev.orderly.console.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.model.OrderStatus;
import org.junit.jupiter.api.Test;

class DiagramLayoutTest {

    private final DiagramLayout layout = new DiagramLayout();

    @Test
    void drawsEveryTransitionOfTheTableAndNothingElse() {
        long transitions = 0;
        for (OrderStatus from : OrderStatus.values()) {
            transitions += from.allowedTargets().size();
            for (OrderStatus to : from.allowedTargets()) {
                assertThat(layout.edges()).contains(new DiagramLayout.Edge(from, to));
            }
        }
        assertThat(layout.edges()).hasSize((int) transitions);
    }

    @Test
    void everyEdgeRunsLeftToRightAndNoTwoStatesShareACell() {
        for (DiagramLayout.Edge edge : layout.edges()) {
            assertThat(layout.cell(edge.to()).column()).isGreaterThan(layout.cell(edge.from()).column());
        }
        assertThat(java.util.Arrays.stream(OrderStatus.values()).map(s -> layout.cell(s).column() + ","
            + layout.cell(s).row()).distinct()).hasSize(OrderStatus.values().length);
        assertThat(layout.cell(OrderStatus.CREATED).column()).isZero();
    }
}
