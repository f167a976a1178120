package dev.orderly.backend.processing;

import dev.orderly.model.NoteCode;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.ProcessingMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff read and switch the processing mode (the final design, the seed's synchronous mode, payment only). */
@RestController
class ProcessingModeController {

    private final ProcessingModeSwitch mode;
    private final AuditLog audit;

    ProcessingModeController(ProcessingModeSwitch mode, AuditLog audit) {
        this.mode = mode;
        this.audit = audit;
    }

    /** The body of a mode switch. */
    record ModeRequest(@NotNull(message = "mode is required: KAFKA, SYNCHRONOUS or PAYMENT_ONLY (a teaching mode)")
        ProcessingMode mode) {
    }

    @GetMapping("/api/admin/processing-mode")
    ApiResponse<ProcessingMode> mode() {
        return ApiResponse.ok(mode.mode(), mode.mode().getDescription());
    }

    @PutMapping("/api/admin/processing-mode")
    ApiResponse<ProcessingMode> switchMode(@RequestBody @Valid ModeRequest request, Authentication authentication) {
        audit.recordThenApply(authentication.getName(), AuditAction.MODE_SWITCHED,
            AuditLog.name(request.mode().name()), NoteCode.WAS.with(mode.mode()), () -> mode.switchTo(request.mode()));
        return ApiResponse.ok(mode.mode(), "Processing mode is now " + mode.mode() + ": "
            + mode.mode().getDescription());
    }
}
