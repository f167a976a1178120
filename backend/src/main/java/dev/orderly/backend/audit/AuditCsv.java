package dev.orderly.backend.audit;

import dev.orderly.model.AuditEntry;
import dev.orderly.model.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The audit trail as CSV (RFC 4180), one header line, newest entry first. */
final class AuditCsv {

    static final String[] HEADER = {"id", "at", "user", "action", "subject", "detail", "backend"};

    private AuditCsv() {
    }

    static String of(List<AuditEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
            for (AuditEntry e : entries) {
                csv.printRecord(e.id(), e.at(), CsvCells.text(e.user()), e.action(), CsvCells.text(e.subject()),
                    CsvCells.text(e.detail()), CsvCells.text(e.backend()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
