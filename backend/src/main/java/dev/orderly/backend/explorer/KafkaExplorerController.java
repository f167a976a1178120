package dev.orderly.backend.explorer;

import dev.orderly.model.NoteCode;
import dev.orderly.model.Note;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.explorer.RecordBrowser.Filter;
import dev.orderly.backend.explorer.RecordBrowser.From;
import dev.orderly.backend.explorer.RecordBrowser.Query;
import dev.orderly.backend.explorer.RecordBrowser.Start;
import dev.orderly.backend.security.CurrentUser;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderTrailView;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kafka itself, for staff: the cluster's topics, a topic's records page by page, an order followed across the
 * pipeline's topics, a consumer group's offsets moved (planned, then applied while the group is empty). Every
 * parameter is checked against what it may be before anything is read.
 */
@RestController
@RequestMapping("/api/admin/kafka")
class KafkaExplorerController {

    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern GROUP = Pattern.compile("[\\p{Graph}]{1,255}");
    private static final int MAX_FILTER = 1000;

    private final TopicCatalog catalog;
    private final RecordBrowser browser;
    private final OrderTrail trail;
    private final OffsetResets resets;
    private final AuditLog audit;

    KafkaExplorerController(TopicCatalog catalog, RecordBrowser browser, OrderTrail trail, OffsetResets resets,
        AuditLog audit) {
        this.catalog = catalog;
        this.browser = browser;
        this.trail = trail;
        this.resets = resets;
        this.audit = audit;
    }

    @GetMapping("/topics")
    ApiResponse<List<KafkaTopicView>> topics() {
        List<KafkaTopicView> topics = catalog.topics();
        return ApiResponse.ok(topics, topics.size() + " topics");
    }

    @GetMapping("/topics/{topic}/records")
    ApiResponse<KafkaRecordPage> records(@PathVariable String topic,
        @RequestParam(required = false) Integer partition,
        @RequestParam(defaultValue = "end") String from,
        @RequestParam(required = false) Long offset,
        @RequestParam(required = false) String timestamp,
        @RequestParam(required = false) String order,
        @RequestParam(defaultValue = "50") int limit,
        @RequestParam(required = false) String key,
        @RequestParam(required = false) String contains,
        @RequestParam(required = false) String cursor) {
        Query query = new Query(topic(topic), partition, new Start(from(from), offset, instant(timestamp)),
            newestFirst(order), limit, new Filter(filter("key", key), filter("contains", contains)), cursor);
        KafkaRecordPage page = browser.page(query);
        return ApiResponse.ok(page, page.records().size() + " records" + (page.complete() ? ""
            : "; the read stopped at its budget before the page was full, the cursor carries on"));
    }

    @GetMapping("/orders/{orderId}")
    ApiResponse<OrderTrailView> order(@PathVariable long orderId, Authentication authentication) {
        OrderTrailView view = trail.follow(CurrentUser.of(authentication), orderId);
        long records = view.entries().stream().filter(e -> e.record() != null).count();
        return ApiResponse.ok(view, records + " records and " + (view.entries().size() - records)
            + " timeline entries for order " + orderId);
    }

    @PostMapping("/groups/{group}/offsets/preview")
    ApiResponse<OffsetResetPlan> preview(@PathVariable String group, @RequestBody @Valid OffsetResetRequest request) {
        topic(request.topic());
        return ApiResponse.ok(resets.preview(group(group), request), "What a reset would do; nothing was changed");
    }

    @PostMapping("/groups/{group}/offsets/reset")
    ApiResponse<OffsetResetPlan> reset(@PathVariable String group, @RequestBody @Valid OffsetResetRequest request,
        Authentication authentication) {
        topic(request.topic());
        OffsetResetPlan[] done = new OffsetResetPlan[1];
        audit.recordThenApply(authentication.getName(), AuditAction.OFFSETS_RESET,
            NoteCode.GROUP_ON_TOPIC.with(group(group), request.topic()), describe(request),
            () -> done[0] = resets.apply(group, request));
        long again = done[0].partitions().stream().mapToLong(OffsetResetPlan.Move::lagAfter).sum();
        return ApiResponse.ok(done[0], "Offsets of " + group + " on " + request.topic() + " reset; " + again
            + " records to read");
    }

    private static Note describe(OffsetResetRequest request) {
        return switch (request.to()) {
            case TIMESTAMP -> NoteCode.RESET_TO_TIMESTAMP.with(request.timestamp());
            case OFFSETS -> NoteCode.RESET_TO_OFFSETS.with(request.offsets());
            case EARLIEST -> NoteCode.RESET_TO_EARLIEST.with();
            case LATEST -> NoteCode.RESET_TO_LATEST.with();
        };
    }

    private static String topic(String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw ApiException.invalid("topic", "'" + shorten(topic) + "' is not a Kafka topic name (letters, digits,"
                + " '.', '_' and '-', at most 249)", "a Kafka topic name");
        }
        return topic;
    }

    private static String group(String group) {
        if (!GROUP.matcher(group).matches()) {
            throw ApiException.invalid("group", "a consumer group name is 1 to 255 visible characters",
                "1 to 255 visible characters");
        }
        return group;
    }

    private static From from(String from) {
        return switch (from) {
            case "start" -> From.START;
            case "end" -> From.END;
            case "offset" -> From.OFFSET;
            case "timestamp" -> From.TIMESTAMP;
            default -> throw ApiException.invalid("from", "from must be start, end, offset or timestamp (was '"
                + shorten(from) + "')", "start, end, offset or timestamp");
        };
    }

    private static Boolean newestFirst(String order) {
        if (order == null) {
            return null;
        }
        return switch (order) {
            case "newest" -> true;
            case "oldest" -> false;
            default -> throw ApiException.invalid("order", "order must be newest or oldest (was '" + shorten(order)
                + "')", "newest or oldest");
        };
    }

    private static Instant instant(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("timestamp", "timestamp must be ISO-8601 in UTC, e.g. 2026-12-02T10:15:30Z"
                + " (was '" + shorten(timestamp) + "')", "ISO-8601, e.g. 2026-12-02T10:15:30Z");
        }
    }

    private static String filter(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw ApiException.invalid(name, name + " is at most " + MAX_FILTER + " characters",
                "at most " + MAX_FILTER + " characters");
        }
        return value;
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
