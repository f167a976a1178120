package dev.orderly.console.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.TableColumnBase;
import javafx.scene.layout.Region;

/**
 * Sizes set in code, in em (the root font's size, which Settings > Text size changes), kept current when the text
 * size changes. The stylesheet does the same with CSS's own {@code em}. A size follows the text size until the user
 * resizes it (a table column dragged wider stays so until the next change of text size).
 */
public final class Em {

    private static final SimpleDoubleProperty PIXELS = new SimpleDoubleProperty(13);
    private static final String KEPT = "orderly.em";

    private Em() {
    }

    /** One em in pixels now. */
    public static double pixels() {
        return PIXELS.get();
    }

    public static ReadOnlyDoubleProperty pixelsProperty() {
        return PIXELS;
    }

    /** Sets the root font (FX thread); every kept size follows. */
    public static void size(double pixels) {
        PIXELS.set(pixels);
    }

    /** A column's preferred width of {@code ems}. */
    public static void width(TableColumnBase<?, ?> column, double ems) {
        keep(column.getProperties(), column::setPrefWidth, ems);
    }

    /** A region's preferred width of {@code ems}. */
    public static void width(Region region, double ems) {
        keep(region.getProperties(), region::setPrefWidth, ems);
    }

    public static void minWidth(Region region, double ems) {
        keep(region.getProperties(), region::setMinWidth, ems);
    }

    public static void maxWidth(Region region, double ems) {
        keep(region.getProperties(), region::setMaxWidth, ems);
    }

    public static void height(Region region, double ems) {
        keep(region.getProperties(), region::setPrefHeight, ems);
    }

    public static void minHeight(Region region, double ems) {
        keep(region.getProperties(), region::setMinHeight, ems);
    }

    /**
     * Sets the size now and on every change; the node holds its listener (weakly listened to here), so a screen
     * that is gone is not kept alive by the text size.
     */
    @SuppressWarnings("unchecked")
    private static void keep(Map<Object, Object> owner, DoubleConsumer setter, double ems) {
        InvalidationListener resize = o -> setter.accept(ems * PIXELS.get());
        ((List<InvalidationListener>) owner.computeIfAbsent(KEPT, k -> new ArrayList<InvalidationListener>()))
            .add(resize);
        PIXELS.addListener(new WeakInvalidationListener(resize));
        resize.invalidated(PIXELS);
    }
}
