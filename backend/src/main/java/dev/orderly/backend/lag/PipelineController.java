package dev.orderly.backend.lag;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.LagSnapshot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pipeline's lag, for staff (also pushed every second on {@code /topic/pipeline}). */
@RestController
class PipelineController {

    private final LagMonitor monitor;

    PipelineController(LagMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/pipeline/lag")
    ApiResponse<LagSnapshot> lag() {
        LagSnapshot snapshot = monitor.latest();
        return ApiResponse.ok(snapshot, "total lag " + snapshot.totalLag());
    }
}
