package dev.orderly.console.pipeline;

import dev.orderly.console.util.I18n;
import dev.orderly.console.util.ChartDescriptions;
import dev.orderly.console.util.Dots;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.StatCard;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.PartitionLag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Kafka underneath: lag per group and partition, the last ten minutes, rates, retries, dead letters, health. */
public final class PipelineView extends VBox {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final XYChart.Series<String, Number> bars = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> lagLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> processedLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> rebalanceMarks = new XYChart.Series<>();
    private final LineChart<Number, Number> lineChart;

    /** @param openOrder shows an order's timeline (a double click on a stuck order) */
    public PipelineView(PipelineViewModel vm, LongConsumer openOrder) {
        VBox stuckCard = StatCard.of(I18n.t("pipeline.stuck"), vm.stuckProperty(), "stat-stuck", true);
        vm.stuckAlarmProperty().addListener((o, was, alarm) -> {
            stuckCard.getStyleClass().remove("stat-alarm");
            if (alarm) {
                stuckCard.getStyleClass().add("stat-alarm");
            }
        });
        HBox stats = new HBox(10,
            StatCard.of(I18n.t("pipeline.throughput"), vm.ratesProperty(), "stat-rates", true),
            StatCard.of(I18n.t("pipeline.kafka"), vm.totalsProperty(), "stat-totals", true),
            StatCard.of(I18n.t("pipeline.waitingForPayment"), vm.waitingProperty(), "stat-waiting", true),
            stuckCard,
            health(vm));
        stats.setStyle("-fx-padding: 0.6em;");

        CategoryAxis partitions = new CategoryAxis();
        partitions.setLabel(I18n.t("pipeline.axis.partition"));
        NumberAxis lag = new NumberAxis();
        lag.setLabel(I18n.t("pipeline.axis.lag"));
        lag.setForceZeroInRange(true);
        BarChart<String, Number> barChart = new BarChart<>(partitions, lag);
        barChart.setTitle(I18n.t("pipeline.barTitle"));
        barChart.setLegendVisible(false);
        barChart.setAnimated(false);
        barChart.getData().add(this.bars);
        barChart.setId("lag-bars");
        ChartDescriptions.keep(barChart);

        NumberAxis time = new NumberAxis();
        time.setForceZeroInRange(false);
        time.setAutoRanging(true);
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return CLOCK.format(Instant.ofEpochSecond(epochSecond.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        NumberAxis value = new NumberAxis();
        value.setForceZeroInRange(true);
        lineChart = new LineChart<>(time, value);
        lineChart.setTitle(I18n.t("pipeline.lastTenMinutes"));
        lineChart.setCreateSymbols(false);
        lineChart.setAnimated(false);
        lagLine.setName(I18n.t("pipeline.series.lag"));
        processedLine.setName(I18n.t("pipeline.series.processed"));
        lineChart.getData().add(lagLine);
        lineChart.getData().add(processedLine);
        ChartDescriptions.keep(lineChart);
        // Each rebalance is a vertical dashed mark: down-up-down at its moment, joined along the time axis.
        rebalanceMarks.setName(I18n.t("pipeline.series.rebalance"));
        lineChart.getData().add(rebalanceMarks);
        lineChart.setId("lag-chart");

        Label caughtUp = new Label(I18n.t("pipeline.caughtUp"));
        caughtUp.getStyleClass().add("muted");
        caughtUp.setMouseTransparent(true);
        caughtUp.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
            () -> vm.latestProperty().get() == null || vm.latestProperty().get().totalLag() == 0,
            vm.latestProperty()));
        javafx.scene.layout.StackPane bars = new javafx.scene.layout.StackPane(barChart, caughtUp);
        HBox charts = new HBox(8, bars, lineChart);
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox.setHgrow(lineChart, Priority.ALWAYS);
        Em.width(barChart, 38.5);
        Em.width(lineChart, 47.7);
        VBox.setVgrow(charts, Priority.ALWAYS);
        // Tall enough for the axes' titles at every text size; the screen scrolls when the window is shorter.
        Em.minHeight(charts, 17);

        TableView<PartitionLag> owners = owners(vm);

        vm.partitions().addListener((ListChangeListener<PartitionLag>) c -> showBars(vm));
        vm.history().addListener((ListChangeListener<PipelineViewModel.LagPoint>) c -> showHistory(vm));
        vm.rebalances().addListener((ListChangeListener<PipelineViewModel.Rebalance>) c -> showHistory(vm));
        Label lastRebalance = new Label();
        lastRebalance.textProperty().bind(vm.lastRebalanceProperty());
        lastRebalance.getStyleClass().add("muted");
        lastRebalance.setWrapText(true);
        lastRebalance.setId("last-rebalance");
        lastRebalance.setMinHeight(Region.USE_PREF_SIZE);
        Button consumers = new Button();
        consumers.textProperty().bind(javafx.beans.binding.Bindings.when(vm.consumersRunningProperty())
            .then(I18n.t("pipeline.consumers.stop")).otherwise(I18n.t("pipeline.consumers.start")));
        consumers.setOnAction(e -> vm.toggleConsumers());
        consumers.setId("toggle-consumers");
        consumers.setMinWidth(Region.USE_PREF_SIZE);
        Label consumersMessage = new Label();
        consumersMessage.textProperty().bind(vm.consumersMessageProperty());
        consumersMessage.setWrapText(true);
        consumersMessage.setId("consumers-message");
        HBox controls = new HBox(10, consumers, consumersMessage);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox membership = new VBox(4, controls, lastRebalance);
        membership.setStyle("-fx-padding: 0 0.6em 0.3em 0.6em;");
        vm.latestProperty().addListener((o, a, snapshot) -> lineChart.setTitle(title(snapshot)));
        VBox stuck = stuckOrders(vm, openOrder);
        HBox bottom = new HBox(8, owners, stuck);
        HBox.setHgrow(stuck, Priority.ALWAYS);
        HBox.setHgrow(owners, Priority.ALWAYS);
        Em.width(owners, 46.2);
        Em.width(stuck, 49.2);
        getChildren().addAll(stats, charts, membership, bottom);
        setId("pipeline-view");
    }

    /** Time in state and the orders waiting too long; a double click opens the order's timeline. */
    private static VBox stuckOrders(PipelineViewModel vm, LongConsumer openOrder) {
        TableView<PipelineViewModel.StuckRow> table = new TableView<>(vm.stuckRows());
        table.getColumns().add(column(I18n.t("pipeline.stuck.order"), 5.4, r -> "#" + r.order().orderId()));
        table.getColumns().add(column(I18n.t("pipeline.stuck.waiting"), 14.6, PipelineViewModel.StuckRow::kind));
        table.getColumns().add(column(I18n.t("pipeline.stuck.for"), 6.9,
            r -> PipelineViewModel.human(Duration.ofSeconds(
            r.order().waitingSeconds()))));
        table.getColumns().add(column(I18n.t("pipeline.stuck.customer"), 12.3, r -> r.order().user()));
        table.setPlaceholder(new Label(I18n.t("pipeline.stuck.none")));
        table.setRowFactory(t -> {
            TableRow<PipelineViewModel.StuckRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openOrder.accept(row.getItem().order().orderId());
                }
            });
            return row;
        });
        table.setId("stuck-table");
        Em.height(table, 11.5);
        Label ages = new Label();
        ages.textProperty().bind(vm.timeInStateProperty());
        ages.setWrapText(true);
        ages.getStyleClass().add("muted");
        ages.setId("time-in-state");
        ages.setMinHeight(Region.USE_PREF_SIZE);
        Button refresh = new Button(I18n.t("common.refresh"));
        refresh.setOnAction(e -> vm.loadStuck());
        refresh.setId("stuck-refresh");
        Label title = new Label(I18n.t("pipeline.stuck.title"));
        title.getStyleClass().add("section-title");
        HBox header = new HBox(8, title, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, header, ages, table);
    }

    /** Which member of each consumer group owns which partition: with several backends, a rebalance shows here. */
    private static TableView<PartitionLag> owners(PipelineViewModel vm) {
        TableView<PartitionLag> table = new TableView<>(vm.partitions());
        table.getColumns().add(column(I18n.t("pipeline.owners.group"), 14.6, p -> p.group()));
        table.getColumns().add(column(I18n.t("pipeline.owners.partition"), 6.2, p -> Integer.toString(p.partition())));
        table.getColumns().add(column(I18n.t("pipeline.owners.owner"), 32.3,
            p -> p.owner() == null ? I18n.t("pipeline.owners.nobody")
            : p.owner()));
        table.getColumns().add(column(I18n.t("pipeline.owners.committed"), 7.7,
            p -> Long.toString(p.committedOffset())));
        table.getColumns().add(column(I18n.t("pipeline.owners.lag"), 6.2, p -> Long.toString(p.lag())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Em.height(table, 14.6);
        Em.minHeight(table, 9.2);
        table.setPlaceholder(new Label(I18n.t("pipeline.owners.none")));
        table.setId("partition-owners");
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double ems, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(text.apply(row.getValue())));
        Em.width(column, ems);
        column.setSortable(false);
        return column;
    }

    private static String title(LagSnapshot snapshot) {
        return snapshot == null ? I18n.t("pipeline.lastTenMinutes")
            : I18n.t("pipeline.lastTenMinutesAsOf", CLOCK.format(snapshot.at()));
    }

    private void showBars(PipelineViewModel vm) {
        var data = vm.partitions().stream().map(p -> new XYChart.Data<String, Number>(
            PipelineViewModel.partitionName(p), p.lag())).toList();
        if (bars.getData().size() == data.size()) {
            for (int i = 0; i < data.size(); i++) {
                bars.getData().get(i).setYValue(data.get(i).getYValue());
            }
        } else {
            bars.getData().setAll(data);
        }
    }

    private void showHistory(PipelineViewModel vm) {
        lagLine.getData().setAll(vm.history().stream().map(p -> new XYChart.Data<Number, Number>(
            p.at().getEpochSecond(), p.totalLag())).toList());
        processedLine.getData().setAll(vm.history().stream().map(p -> new XYChart.Data<Number, Number>(
            p.at().getEpochSecond(), p.processedPerSecond())).toList());
        double top = Math.max(1, vm.history().stream()
            .mapToDouble(p -> Math.max(p.totalLag(), p.processedPerSecond())).max().orElse(1));
        List<XYChart.Data<Number, Number>> marks = new ArrayList<>();
        for (PipelineViewModel.Rebalance rebalance : vm.rebalances()) {
            long at = rebalance.at().getEpochSecond();
            marks.add(new XYChart.Data<>(at, 0));
            marks.add(new XYChart.Data<>(at, top));
            marks.add(new XYChart.Data<>(at, 0));
        }
        rebalanceMarks.getData().setAll(marks);
    }

    /** How many rebalances the lag chart marks. */
    public int rebalanceMarks() {
        return rebalanceMarks.getData().size() / 3;
    }

    public int chartPoints() {
        return lagLine.getData().size();
    }

    private static VBox health(PipelineViewModel vm) {
        Label broker = Dots.dot();
        Label db = Dots.dot();
        vm.brokerUpProperty().addListener((o, a, up) -> Dots.set(broker, up ? "up" : "down"));
        vm.databaseUpProperty().addListener((o, a, up) -> Dots.set(db, up ? "up" : "down"));
        Label title = new Label(I18n.t("pipeline.health"));
        title.getStyleClass().add("stat-label");
        Label brokerName = new Label(I18n.t("pipeline.health.broker"));
        Label databaseName = new Label(I18n.t("pipeline.health.database"));
        brokerName.setMinWidth(Region.USE_PREF_SIZE);
        databaseName.setMinWidth(Region.USE_PREF_SIZE);
        HBox lines = new HBox(6, broker, brokerName, db, databaseName);
        VBox box = new VBox(2, title, lines);
        box.getStyleClass().add("stat");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }
}
