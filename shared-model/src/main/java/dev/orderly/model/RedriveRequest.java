package dev.orderly.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Which dead letters to preview or redrive. */
public record RedriveRequest(
    @NotEmpty(message = "records must name at least one dead letter")
    @Size(max = 500, message = "at most 500 records at once")
    List<@Valid @NotNull(message = "records must not contain null") RecordRef> records) {
}
