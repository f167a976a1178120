package dev.orderly.console.statemachine;

import dev.orderly.model.OrderStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each state sits in the diagram, computed from {@link OrderStatus}'s transition table alone: columns by
 * longest path from CREATED (the table is acyclic), rows within a column in declaration order.
 */
public final class DiagramLayout {

    /** A state's cell: column and row, and how many rows its column has. */
    public record Cell(int column, int row, int rowsInColumn) {
    }

    /** A transition of the table. */
    public record Edge(OrderStatus from, OrderStatus to) {
    }

    private final Map<OrderStatus, Cell> cells = new EnumMap<>(OrderStatus.class);
    private final List<Edge> edges = new ArrayList<>();
    private final int columns;

    public DiagramLayout() {
        Map<OrderStatus, Integer> layer = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            layer.put(status, 0);
        }
        // Longest-path layering: relax along every edge until nothing changes (at most |states| rounds).
        for (int round = 0; round < OrderStatus.values().length; round++) {
            for (OrderStatus from : OrderStatus.values()) {
                for (OrderStatus to : from.allowedTargets()) {
                    if (layer.get(to) < layer.get(from) + 1) {
                        layer.put(to, layer.get(from) + 1);
                    }
                }
            }
        }
        int maxLayer = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        columns = maxLayer + 1;
        for (int column = 0; column <= maxLayer; column++) {
            List<OrderStatus> inColumn = new ArrayList<>();
            for (OrderStatus status : OrderStatus.values()) {
                if (layer.get(status) == column) {
                    inColumn.add(status);
                }
            }
            for (int row = 0; row < inColumn.size(); row++) {
                cells.put(inColumn.get(row), new Cell(column, row, inColumn.size()));
            }
        }
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : from.allowedTargets()) {
                edges.add(new Edge(from, to));
            }
        }
    }

    public Cell cell(OrderStatus status) {
        return cells.get(status);
    }

    public List<Edge> edges() {
        return edges;
    }

    public int columns() {
        return columns;
    }

    public int maxRows() {
        return cells.values().stream().mapToInt(Cell::rowsInColumn).max().orElse(1);
    }
}
