package dev.orderly.console.packaging;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real X server of its own (Debian's Xvfb, on the first free display number it finds), for starting the packaged
 * app's window as a desktop would; the names of its windows ({@code xwininfo}) and a screenshot ({@code xwd}).
 */
final class VirtualDisplay implements AutoCloseable {

    private final Process server;
    private final String display;

    private VirtualDisplay(Process server, String display) {
        this.server = server;
        this.display = display;
    }

    static VirtualDisplay start(Path dir) throws IOException, InterruptedException {
        Path number = dir.resolve("display");
        // -displayfd: the server picks a free display and writes its number to this descriptor (1: stdout).
        Process server = new ProcessBuilder(List.of("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
            "-nolisten", "tcp")).redirectOutput(number.toFile()).redirectError(dir.resolve("xvfb.log").toFile())
            .start();
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!server.isAlive()) {
                    throw new IllegalStateException("Xvfb ended: " + Files.readString(dir.resolve("xvfb.log")));
                }
                return !Files.readString(number).isBlank();
            });
        } catch (RuntimeException e) {
            server.destroyForcibly();
            throw e;
        }
        return new VirtualDisplay(server, ":" + Files.readString(number).trim());
    }

    String name() {
        return display;
    }

    /** The names of every window on the display ({@code xwininfo -root -tree}). */
    String windows() throws IOException, InterruptedException {
        Process info = new ProcessBuilder(List.of("xwininfo", "-root", "-tree", "-display", display))
            .redirectErrorStream(true).start();
        String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        info.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** The whole screen ({@code xwd -root}, a 24-bit TrueColor dump, read here without other tools). */
    BufferedImage screenshot() throws IOException, InterruptedException {
        Process xwd = new ProcessBuilder(List.of("xwd", "-root", "-silent", "-display", display)).start();
        try (DataInputStream in = new DataInputStream(xwd.getInputStream())) {
            int headerSize = in.readInt();
            int[] header = new int[24];
            for (int i = 0; i < header.length; i++) {
                header[i] = in.readInt();
            }
            int width = header[3];
            int height = header[4];
            int byteOrder = header[6];
            int bitsPerPixel = header[10];
            int bytesPerLine = header[11];
            int colors = header[18];
            if (bitsPerPixel != 32) {
                throw new IllegalStateException("expected 32 bits per pixel, xwd gave " + bitsPerPixel);
            }
            in.skipNBytes(headerSize - 100L + 12L * colors);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            byte[] line = new byte[bytesPerLine];
            for (int y = 0; y < height; y++) {
                in.readFully(line);
                for (int x = 0; x < width; x++) {
                    int o = x * 4;
                    int pixel = byteOrder == 0
                        ? (line[o] & 0xff) | (line[o + 1] & 0xff) << 8 | (line[o + 2] & 0xff) << 16
                        : (line[o + 3] & 0xff) | (line[o + 2] & 0xff) << 8 | (line[o + 1] & 0xff) << 16;
                    image.setRGB(x, y, pixel);
                }
            }
            return image;
        } finally {
            xwd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
