package dev.orderly.console.util;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;

/**
 * A chart's accessible text, kept current: its title and what each series shows in words (a screen reader has
 * nothing else to read in a chart). A category chart lists every bar; a time chart gives each line's latest value.
 */
public final class ChartDescriptions {

    private ChartDescriptions() {
    }

    /** Describes {@code chart} now and again whenever its title, its series or their data change. */
    public static <X, Y> void keep(XYChart<X, Y> chart) {
        InvalidationListener update = o -> chart.setAccessibleText(describe(chart));
        chart.titleProperty().addListener(update);
        chart.getData().addListener(update);
        for (XYChart.Series<X, Y> series : chart.getData()) {
            series.getData().addListener(update);
        }
        chart.getData().addListener((javafx.collections.ListChangeListener<XYChart.Series<X, Y>>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(series -> series.getData().addListener(update));
            }
        });
        chart.setAccessibleText(describe(chart));
    }

    static <X, Y> String describe(XYChart<X, Y> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? I18n.t("chart.untitled")
            : chart.getTitle();
        boolean categories = chart.getXAxis() instanceof CategoryAxis;
        List<String> parts = new ArrayList<>();
        for (XYChart.Series<X, Y> series : chart.getData()) {
            List<XYChart.Data<X, Y>> points = series.getData();
            String name = series.getName() == null ? "" : series.getName() + ": ";
            if (points.isEmpty()) {
                parts.add(name + I18n.t("chart.noData"));
            } else if (categories) {
                List<String> bars = new ArrayList<>();
                points.forEach(p -> bars.add(p.getXValue() + " " + number(p.getYValue())));
                parts.add(name + String.join(", ", bars));
            } else {
                parts.add(name + I18n.t("chart.now", number(points.get(points.size() - 1).getYValue())));
            }
        }
        return parts.isEmpty() ? title + ": " + I18n.t("chart.noData") : title + ". " + String.join("; ", parts);
    }

    private static String number(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) ? I18n.number((long) d) : I18n.number(d, 1);
        }
        return String.valueOf(value);
    }
}
