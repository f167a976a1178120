package dev.orderly.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the invariant checker found ({@code GET /api/admin/invariants}): counts of where orders are, and every
 * violation of the guarantees. {@code ok} is true only when there are none.
 */
public record InvariantReport(Instant at, boolean ok, Map<String, Long> counts, List<Violation> violations) {

    /** One broken guarantee: how often, and a few examples to look at. */
    public record Violation(String name, String description, long count, List<String> examples) {
    }
}
