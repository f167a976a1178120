package dev.orderly.console.load;

import dev.orderly.console.util.I18n;
import dev.orderly.console.load.LoadRun.Sample;
import dev.orderly.console.load.LoadViewModel.Preset;
import dev.orderly.console.util.ChartDescriptions;
import dev.orderly.console.util.Em;
import dev.orderly.console.util.StatCard;
import java.text.DecimalFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Load screen: a preset or orders and rate, Start/Stop, progress, live figures, two charts, the summary. */
public final class LoadView extends VBox {

    private final XYChart.Series<Number, Number> acceptedLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> finishedLine = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p50Line = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> p99Line = new XYChart.Series<>();

    public LoadView(LoadViewModel vm) {
        ComboBox<Preset> presets = new ComboBox<>(FXCollections.observableArrayList(Preset.ALL));
        presets.valueProperty().bindBidirectional(vm.presetProperty());
        presets.setId("load-preset");

        Spinner<Integer> orders = new Spinner<>(1, LoadRun.MAX_ORDERS, vm.ordersProperty().get(), 100);
        orders.setEditable(true);
        Em.width(orders, 8.5);
        orders.setId("load-orders");
        orders.getValueFactory().valueProperty().addListener((o, a, value) -> {
            if (value != null) {
                vm.ordersProperty().set(value);
            }
        });
        vm.ordersProperty().addListener((o, a, value) -> orders.getValueFactory().setValue(value.intValue()));

        SpinnerValueFactory.DoubleSpinnerValueFactory rateValues = new SpinnerValueFactory.DoubleSpinnerValueFactory(
            0.1, LoadRun.MAX_PER_SECOND, vm.perSecondProperty().get(), 10);
        rateValues.setConverter(new RateConverter(rateValues::getValue));
        Spinner<Double> rate = new Spinner<>(rateValues);
        rate.setEditable(true);
        Em.width(rate, 8.5);
        rate.setId("load-rate");
        rateValues.valueProperty().addListener((o, a, value) -> {
            if (value != null) {
                vm.perSecondProperty().set(value);
            }
        });
        vm.perSecondProperty().addListener((o, a, value) -> rateValues.setValue(value.doubleValue()));

        Button start = new Button(I18n.t("load.start"));
        start.setDefaultButton(true);
        start.setId("load-start");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.start());
        Button stop = new Button(I18n.t("load.stop"));
        stop.setId("load-stop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        presets.disableProperty().bind(vm.runningProperty());
        orders.disableProperty().bind(vm.runningProperty());
        rate.disableProperty().bind(vm.runningProperty());

        Label explain = new Label(I18n.t("load.explain"));
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        // Rows that wrap rather than squeeze their words when the text is large.
        FlowPane plan = new FlowPane(10, 6, new Label(I18n.t("load.run")), presets,
            new Label(I18n.t("load.orders")), orders, new Label(I18n.t("load.perSecond")), rate, start, stop);
        plan.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("load-progress");
        bar.accessibleTextProperty().bind(vm.statusProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setId("load-status");
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox progress = new HBox(10, bar, status);
        progress.setAlignment(Pos.CENTER_LEFT);

        FlowPane stats = new FlowPane(10, 10,
            StatCard.of(I18n.t("load.card.accepted"), vm.acceptedProperty(), "load-accepted", false),
            StatCard.of(I18n.t("load.card.processed"), vm.finishedProperty(), "load-processed", false),
            StatCard.of(I18n.t("load.card.inFlight"), vm.inFlightProperty(), "load-inflight", false),
            StatCard.of(I18n.t("load.card.p50"), vm.p50Property(), "load-p50", false),
            StatCard.of(I18n.t("load.card.p99"), vm.p99Property(), "load-p99", false));

        LineChart<Number, Number> rates = chart(I18n.t("load.chart.rates"), I18n.t("load.chart.ratesUnit"),
            "load-rates-chart");
        acceptedLine.setName(I18n.t("load.series.accepted"));
        finishedLine.setName(I18n.t("pipeline.series.processed"));
        rates.getData().add(acceptedLine);
        rates.getData().add(finishedLine);
        LineChart<Number, Number> latency = chart(I18n.t("load.chart.latency"), I18n.t("load.chart.ms"),
            "load-latency-chart");
        p50Line.setName("p50");
        p99Line.setName("p99");
        latency.getData().add(p50Line);
        latency.getData().add(p99Line);
        HBox charts = new HBox(8, rates, latency);
        HBox.setHgrow(rates, Priority.ALWAYS);
        HBox.setHgrow(latency, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        vm.samples().addListener((ListChangeListener<Sample>) c -> show(vm.samples()));

        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.getStyleClass().add("section-title");
        summary.setId("load-summary");

        getChildren().addAll(plan, explain, progress, stats, charts, summary);
        setSpacing(8);
        setStyle("-fx-padding: 0.8em;");
        setId("load-view");
    }

    private void show(List<Sample> samples) {
        acceptedLine.getData().setAll(points(samples, Sample::acceptedPerSecond));
        finishedLine.getData().setAll(points(samples, Sample::finishedPerSecond));
        p50Line.getData().setAll(points(samples, Sample::p50Millis));
        p99Line.getData().setAll(points(samples, Sample::p99Millis));
    }

    private static List<XYChart.Data<Number, Number>> points(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().filter(s -> !Double.isNaN(value.applyAsDouble(s)))
            .map(s -> new XYChart.Data<Number, Number>(Math.round(s.atSeconds()), value.applyAsDouble(s))).toList();
    }

    private static LineChart<Number, Number> chart(String title, String unit, String id) {
        NumberAxis time = new NumberAxis();
        time.setLabel(I18n.t("load.axis.time"));
        time.setForceZeroInRange(false);
        NumberAxis value = new NumberAxis();
        value.setLabel(unit);
        value.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, value);
        chart.setTitle(title);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        Em.width(chart, 43.1);
        chart.setId(id);
        ChartDescriptions.keep(chart);
        return chart;
    }

    /** "8.33", "500": the rate as people write it; what does not parse keeps the last value. */
    private static final class RateConverter extends StringConverter<Double> {

        private final DecimalFormat format = new DecimalFormat("0.##");
        private final Supplier<Double> current;

        RateConverter(Supplier<Double> current) {
            this.current = current;
        }

        @Override
        public String toString(Double value) {
            return value == null ? "" : format.format(value);
        }

        @Override
        public Double fromString(String text) {
            ParsePosition position = new ParsePosition(0);
            Number parsed = format.parse(text.strip(), position);
            return parsed == null || position.getIndex() != text.strip().length() ? current.get()
                : parsed.doubleValue();
        }
    }
}
