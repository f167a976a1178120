package dev.orderly.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** The benchmark's PNG: horizontal bar panels, drawn with Java2D (no chart library, runs headless). */
final class Chart {

    /** One bar; {@code highlight} marks Orderly's own figures against limits and the seed. */
    record Bar(String label, double value, String text, boolean highlight) {
    }

    /** One panel: a title, its bars, and whether the axis is logarithmic. */
    record Panel(String title, List<Bar> bars, boolean log) {
    }

    private static final int WIDTH = 1400;
    private static final int ROW = 30;
    private static final int LABEL = 430;
    private static final Color ORDERLY = new Color(0x2b6cb0);
    private static final Color OTHER = new Color(0xa0aec0);

    private Chart() {
    }

    static void write(Path file, String title, List<Panel> panels) throws IOException {
        int height = 70 + panels.stream().mapToInt(p -> 60 + p.bars().size() * ROW).sum();
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(title, 20, 36);
        int y = 70;
        for (Panel panel : panels) {
            y = draw(g, panel, y);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static int draw(Graphics2D g, Panel panel, int top) {
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(panel.title() + (panel.log() ? "  (log scale)" : ""), 20, top + 20);
        double max = panel.bars().stream().mapToDouble(Bar::value).max().orElse(1);
        int barArea = WIDTH - LABEL - 200;
        int y = top + 36;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (Bar bar : panel.bars()) {
            double fraction = scale(bar.value(), max, panel.log());
            int length = (int) Math.max(2, fraction * barArea);
            g.setColor(Color.DARK_GRAY);
            g.drawString(bar.label(), 20, y + 16);
            g.setColor(bar.highlight() ? ORDERLY : OTHER);
            g.fillRect(LABEL, y + 4, length, ROW - 10);
            g.setColor(Color.DARK_GRAY);
            g.drawString(bar.text(), LABEL + length + 8, y + 16);
            y += ROW;
        }
        g.setColor(new Color(0xe2e8f0));
        g.setStroke(new BasicStroke(1));
        g.drawLine(20, y + 10, WIDTH - 20, y + 10);
        return y + 24;
    }

    private static double scale(double value, double max, boolean log) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        if (!log) {
            return value / max;
        }
        // Decades from 0.1 up to the largest value.
        double floor = Math.log10(0.1);
        return (Math.log10(Math.max(value, 0.1)) - floor) / (Math.log10(max) - floor);
    }
}
