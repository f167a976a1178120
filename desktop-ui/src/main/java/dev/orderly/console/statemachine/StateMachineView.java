package dev.orderly.console.statemachine;

import dev.orderly.console.util.I18n;
import dev.orderly.model.OrderStatus;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PathTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;

/**
 * The eleven states and their transitions, laid out from {@link OrderStatus}'s table. Each node shows its live
 * count; the selected order's state and path are highlighted; committed transitions travel along their edges.
 */
public final class StateMachineView extends BorderPane {

    private static final int MAX_TOKENS = 40;

    private final StateMachineViewModel vm;
    private final Diagram diagram;

    public StateMachineView(StateMachineViewModel vm) {
        this.vm = vm;
        this.diagram = new Diagram();
        Label selection = new Label();
        selection.textProperty().bind(vm.selectionProperty());
        selection.getStyleClass().add("section-title");
        selection.setId("diagram-selection");
        Label legend = new Label(I18n.t("diagram.legend"));
        legend.getStyleClass().add("muted");
        legend.setWrapText(true);
        VBox top = new VBox(4, selection, legend);
        top.setStyle("-fx-padding: 8 10 4 10;");
        setTop(top);
        setCenter(diagram);
        vm.currentProperty().addListener((o, a, b) -> diagram.highlight());
        vm.path().addListener((ListChangeListener<OrderStatus>) c -> diagram.highlight());
        vm.onTransitions(diagram::animate);
        setId("statemachine-view");
    }

    /** The drawing itself; re-lays out on every resize. */
    private final class Diagram extends Pane {

        private final Map<OrderStatus, VBox> nodes = new EnumMap<>(OrderStatus.class);
        private final Map<DiagramLayout.Edge, Path> edges = new HashMap<>();
        private final Map<DiagramLayout.Edge, Polygon> arrows = new HashMap<>();
        private int tokens;

        Diagram() {
            getStyleClass().add("diagram");
            setMinSize(600, 300);
            for (DiagramLayout.Edge edge : vm.layout().edges()) {
                Path path = new Path();
                path.getStyleClass().add("edge");
                Polygon arrow = new Polygon();
                arrow.getStyleClass().add("arrow");
                edges.put(edge, path);
                arrows.put(edge, arrow);
                getChildren().addAll(path, arrow);
            }
            for (OrderStatus status : OrderStatus.values()) {
                // The state's name in the user's words ("결제 완료"); in English the enum name, a word a line.
                String words = I18n.t("status." + status.name());
                Label name = new Label(words.equals(status.name()) ? status.name().replace('_', '\n') : words);
                name.getStyleClass().add("name");
                name.setWrapText(true);
                name.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label count = new Label();
                count.getStyleClass().add("count");
                count.textProperty().bind(vm.countProperty(status).asString());
                count.setId("count-" + status.name());
                count.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> I18n.t("diagram.count.accessible", I18n.status(status),
                        String.valueOf(vm.countProperty(status).get())), vm.countProperty(status)));
                count.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                VBox node = new VBox(2, name, count);
                node.getStyleClass().add("state-node");
                if (status.isTerminal()) {
                    node.getStyleClass().add("terminal");
                }
                node.setId("state-" + status.name());
                Tooltip.install(node, status);
                nodes.put(status, node);
                getChildren().add(node);
            }
        }

        @Override
        protected void layoutChildren() {
            DiagramLayout layout = vm.layout();
            double width = getWidth();
            double height = getHeight();
            double columnWidth = width / layout.columns();
            double nodeWidth = Math.min(124, columnWidth - 18);
            double nodeHeight = 74;
            for (Map.Entry<OrderStatus, VBox> entry : nodes.entrySet()) {
                DiagramLayout.Cell cell = layout.cell(entry.getKey());
                double rowHeight = height / (cell.rowsInColumn() + 1);
                double x = cell.column() * columnWidth + (columnWidth - nodeWidth) / 2;
                double y = rowHeight * (cell.row() + 1) - nodeHeight / 2 + (cell.column() % 2 == 0 ? 0 : 0);
                entry.getValue().resizeRelocate(x, y, nodeWidth, nodeHeight);
            }
            for (Map.Entry<DiagramLayout.Edge, Path> entry : edges.entrySet()) {
                route(entry.getKey(), entry.getValue(), arrows.get(entry.getKey()));
            }
        }

        private void route(DiagramLayout.Edge edge, Path path, Polygon arrow) {
            Bounds from = nodes.get(edge.from()).getBoundsInParent();
            Bounds to = nodes.get(edge.to()).getBoundsInParent();
            double sx = from.getMaxX();
            double sy = from.getCenterY();
            double ex = to.getMinX();
            double ey = to.getCenterY();
            double span = layoutSpan(edge);
            double lift = span > 1 ? -Math.min(120, 28 * span) : 0;
            double bend = (ex - sx) / 2;
            path.getElements().setAll(new MoveTo(sx, sy),
                new CubicCurveTo(sx + bend, sy + lift, ex - bend, ey + lift, ex, ey));
            arrow.getPoints().setAll(ex, ey, ex - 9, ey - 5, ex - 9, ey + 5);
        }

        private double layoutSpan(DiagramLayout.Edge edge) {
            return vm.layout().cell(edge.to()).column() - vm.layout().cell(edge.from()).column();
        }

        void highlight() {
            OrderStatus current = vm.currentProperty().get();
            List<OrderStatus> path = vm.path();
            for (Map.Entry<OrderStatus, VBox> entry : nodes.entrySet()) {
                entry.getValue().getStyleClass().removeAll("current", "on-path");
                if (entry.getKey() == current) {
                    entry.getValue().getStyleClass().add("current");
                } else if (path.contains(entry.getKey())) {
                    entry.getValue().getStyleClass().add("on-path");
                }
            }
            for (Map.Entry<DiagramLayout.Edge, Path> entry : edges.entrySet()) {
                boolean taken = false;
                for (int i = 1; i < path.size(); i++) {
                    if (path.get(i - 1) == entry.getKey().from() && path.get(i) == entry.getKey().to()) {
                        taken = true;
                        break;
                    }
                }
                entry.getValue().getStyleClass().remove("on-path");
                arrows.get(entry.getKey()).getStyleClass().remove("on-path");
                if (taken) {
                    entry.getValue().getStyleClass().add("on-path");
                    arrows.get(entry.getKey()).getStyleClass().add("on-path");
                }
            }
        }

        void animate(List<DiagramLayout.Edge> moved) {
            for (DiagramLayout.Edge edge : moved) {
                Path path = edges.get(edge);
                if (path == null || tokens >= MAX_TOKENS || getWidth() <= 0) {
                    continue;
                }
                Circle token = new Circle(5);
                token.getStyleClass().add("token");
                token.setMouseTransparent(true);
                getChildren().add(token);
                tokens++;
                PathTransition travel = new PathTransition(Duration.millis(700), path, token);
                travel.setOnFinished(e -> {
                    getChildren().remove(token);
                    tokens--;
                });
                travel.play();
            }
        }
    }

    /** Hover text of a node: description, progress and what may follow. */
    private static final class Tooltip {
        static void install(VBox node, OrderStatus status) {
            javafx.scene.control.Tooltip.install(node, new javafx.scene.control.Tooltip(I18n.t("diagram.tooltip",
                I18n.status(status), status.getProgressPercentage(), status.isTerminal() ? I18n.t("diagram.final")
                : status.allowedTargets().stream().map(I18n::status).toList().toString())));
        }
    }
}
