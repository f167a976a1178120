package dev.orderly.console.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The watches, one line each in a file beside the console's settings, kept between runs. */
public final class WatchStore {

    private final Path file;

    public WatchStore(Path file) {
        this.file = file;
    }

    /** The saved watches; a line that is not one (edited by hand, say) is skipped. */
    public List<Watch> load() {
        List<Watch> watches = new ArrayList<>();
        if (!Files.exists(file)) {
            return watches;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Watch.parse(line).filter(w -> !watches.contains(w)).ifPresent(watches::add);
                }
            }
        } catch (IOException e) {
            return watches;
        }
        return watches;
    }

    /** Replaces the saved watches (written aside, then moved over the old file: never half a file). */
    public void save(List<Watch> watches) {
        List<String> lines = new ArrayList<>();
        lines.add("# Orderly console alerts: one watch per line (Alerts screen)");
        watches.forEach(w -> lines.add(w.saved()));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the alerts to " + file + ": " + e.getMessage(), e);
        }
    }
}
