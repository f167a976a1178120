package dev.orderly.backend.audit;

import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.ErrorCode;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for staff: JSON, or CSV for a spreadsheet ({@code Accept: text/csv}). */
@RestController
@RequestMapping("/api/admin/audit")
class AuditController {

    private static final String CSV = "text/csv";

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<List<AuditEntry>> list(@RequestParam(defaultValue = "200") int limit,
        @RequestParam(required = false) AuditAction action) {
        List<AuditEntry> entries = audit.recent(checked(limit), action);
        return ApiResponse.ok(entries, entries.size() + " audit entries, newest first");
    }

    @GetMapping(produces = CSV)
    ResponseEntity<String> csv(@RequestParam(defaultValue = "10000") int limit,
        @RequestParam(required = false) AuditAction action) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orderly-audit.csv\"")
            .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
            .body(AuditCsv.of(audit.recent(checked(limit), action)));
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > 100_000) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("limit"),
                "limit must be between 1 and 100000", null);
        }
        return limit;
    }
}
