package dev.orderly.console.util;

import dev.orderly.model.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a list as a CSV file (RFC 4180, UTF-8, a header line; commons-csv quotes, {@link CsvCells} defuses
 * formulas). Written to a temporary file next to the target and moved over it, so a failed export leaves no half
 * file and an existing one untouched.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** One column: its header and how a row gives its cell. */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    @SafeVarargs
    public static <T> int write(Path file, List<T> rows, Column<T>... columns) {
        String[] headers = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headers[i] = columns[i].header();
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(dir, ".orderly-export", ".csv");
            try {
                try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                    CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(headers).get().print(out)) {
                    for (T row : rows) {
                        Object[] cells = new Object[columns.length];
                        for (int i = 0; i < columns.length; i++) {
                            cells[i] = CsvCells.text(columns[i].value().apply(row));
                        }
                        csv.printRecord(cells);
                    }
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return rows.size();
    }
}
