package dev.orderly.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {

    @TempDir
    Path dir;

    private final RecordingClient client = new RecordingClient();
    private final AuditViewModel vm = new AuditViewModel(client, new DirectTaskRunner());

    @Test
    void loadsTheTrailFiltersByActionAndExportsWhatIsShown() throws Exception {
        client.auditEntries.add(new AuditEntry(3, Instant.parse("2026-11-27T10:00:03Z"), "staff@example.com",
            AuditAction.FAULT_ARMED, "SHIPMENT_FAILS", "for the next 1 order(s), \"quoted\"", "backend-1"));
        client.auditEntries.add(new AuditEntry(2, Instant.parse("2026-11-27T10:00:02Z"), "trainer@example.com",
            AuditAction.GATEWAY_CHANGED, "latency 0-0 ms", "=cmd|' /C calc'!A0", "backend-2"));
        client.auditEntries.add(new AuditEntry(1, Instant.parse("2026-11-27T10:00:01Z"), "staff@example.com",
            AuditAction.FAULTS_DISARMED, null, "none were armed", "backend-1"));
        vm.load();
        assertThat(vm.shownEntries()).extracting(AuditEntry::id).containsExactly(3L, 2L, 1L);
        assertThat(vm.messageProperty().get()).isEqualTo("3 entries, newest first");

        vm.actionProperty().set(AuditAction.GATEWAY_CHANGED);
        assertThat(vm.shownEntries()).extracting(AuditEntry::id).containsExactly(2L);
        assertThat(vm.messageProperty().get()).isEqualTo("1 entry of Payment simulator changed");

        Path file = dir.resolve("audit.csv");
        vm.exportCsv(file);
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 1 entries to " + file);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(Files.readString(file))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("user")).isEqualTo("trainer@example.com");
        assertThat(rows.get(0).get("detail")).as("a formula is defused").isEqualTo("'=cmd|' /C calc'!A0");

        vm.actionProperty().set(null);
        vm.exportCsv(file);
        rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(Files.readString(file))).getRecords();
        assertThat(rows).extracting(r -> r.get("detail")).containsExactly("for the next 1 order(s), \"quoted\"",
            "'=cmd|' /C calc'!A0", "none were armed");
        assertThat(rows.get(2).get("subject")).isEmpty();
    }

    @Test
    void aFailedReadOrExportSaysSoAndLeavesNoFile() {
        client.failNext = new IllegalStateException("backend unreachable");
        vm.load();
        assertThat(vm.messageProperty().get()).startsWith("Could not read the audit trail").contains("unreachable");

        Path missingDir = dir.resolve("no-such-dir").resolve("audit.csv");
        vm.exportCsv(missingDir);
        assertThat(vm.messageProperty().get()).startsWith("Not exported");
        assertThat(missingDir).doesNotExist();
    }
}
