package dev.orderly.backend.deadletters;

import dev.orderly.model.NoteCode;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.DeadLetterView;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.RedriveOutcome;
import dev.orderly.model.RedriveRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dead letters for staff: list, preview a redrive, redrive. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final AuditLog audit;

    DeadLetterController(DeadLetters deadLetters, AuditLog audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    @GetMapping
    ApiResponse<List<DeadLetterView>> list(@RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("limit"),
                "limit must be between 1 and 1000", null);
        }
        List<DeadLetterView> records = deadLetters.list(limit);
        return ApiResponse.ok(records, records.size() + " dead letters");
    }

    @PostMapping("/preview")
    ApiResponse<List<RedriveOutcome>> preview(@RequestBody @Valid RedriveRequest request) {
        return ApiResponse.ok(deadLetters.preview(request.records()), "What a redrive would do");
    }

    @PostMapping("/redrive")
    ApiResponse<List<RedriveOutcome>> redrive(@RequestBody @Valid RedriveRequest request,
        Authentication authentication) {
        List<RedriveOutcome> outcomes = deadLetters.redrive(request.records());
        long sent = outcomes.stream().filter(RedriveOutcome::redriven).count();
        audit.record(authentication.getName(), AuditAction.DEAD_LETTERS_REDRIVEN,
            NoteCode.REDRIVEN.with(sent, outcomes.size()),
            NoteCode.REDRIVE_OUTCOMES.with(outcomes.stream().map(o -> o.partition() + "@" + o.offset() + ": "
                + o.detail()).collect(Collectors.joining("; "))));
        return ApiResponse.ok(outcomes, sent + " of " + outcomes.size() + " dead letters redriven");
    }
}
