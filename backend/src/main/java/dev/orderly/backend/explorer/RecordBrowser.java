package dev.orderly.backend.explorer;

import dev.orderly.backend.explorer.RecordReader.Budget;
import dev.orderly.backend.explorer.RecordReader.Scan;
import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaRecordView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Pages of a topic's records: from the start, the end, an offset or a time, oldest or newest first, optionally
 * filtered by key or by text in the value. Each page reads at most {@link #TIME} and {@link #BYTES}; the cursor it
 * returns carries on where it stopped, so a topic of any size is paged, never loaded.
 */
@Component
class RecordBrowser {

    static final int MAX_LIMIT = 500;
    static final Duration TIME = Duration.ofSeconds(3);
    static final long BYTES = 32L * 1024 * 1024;
    static final long RECORDS = 200_000;

    /** {@code newest;0:15,1:20}: the direction, then per partition where the next page starts. */
    private static final Pattern CURSOR = Pattern.compile("(oldest|newest)((?:;\\d{1,6}:\\d{1,19})*)");

    private final TopicCatalog catalog;
    private final RecordReader reader;
    private final Clock clock;

    RecordBrowser(TopicCatalog catalog, RecordReader reader, Clock clock) {
        this.catalog = catalog;
        this.reader = reader;
        this.clock = clock;
    }

    /** Where a page starts when no cursor is given. */
    enum From { START, END, OFFSET, TIMESTAMP }

    /** Where to start: {@code offset} only with {@link From#OFFSET}, {@code timestamp} only with TIMESTAMP. */
    record Start(From from, Long offset, Instant timestamp) {
    }

    /** Which records to keep: an exact key, a text the value contains; null for any. */
    record Filter(String key, String contains) {

        boolean any() {
            return key == null && contains == null;
        }

        Predicate<ConsumerRecord<byte[], byte[]>> predicate() {
            byte[] needle = contains == null ? null : contains.getBytes(StandardCharsets.UTF_8);
            return record -> (key == null || key.equals(RecordFormat.keyText(record.key())))
                && (contains == null || containsText(record.value(), needle));
        }

        /**
         * Whether the value is text that contains the filter's text. The UTF-8 bytes are looked for first, so only
         * the rare value that holds them is decoded (a filtered read goes through every record of a range).
         */
        private boolean containsText(byte[] value, byte[] needle) {
            if (value == null || indexOf(value, needle) < 0) {
                return false;
            }
            String text = RecordFormat.searchableText(value);
            return text != null && text.contains(contains);
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** One page's question: the topic, one partition or all (null), where from, which way, how many, which. */
    record Query(String topic, Integer partition, Start start, Boolean newestFirst, int limit, Filter filter,
        String cursor) {
    }

    KafkaRecordPage page(Query query) {
        if (query.limit() < 1 || query.limit() > MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + " (was "
                + query.limit() + ")", "1 to " + MAX_LIMIT);
        }
        Map<Integer, long[]> ranges = catalog.range(query.topic());
        Map<Integer, long[]> chosen = partitions(query, ranges);
        boolean newestFirst;
        Map<Integer, Long> positions;
        if (query.cursor() != null) {
            Matcher cursor = CURSOR.matcher(query.cursor());
            if (!cursor.matches()) {
                throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("cursor"),
                    "cursor is not one this server returned: pass back the 'cursor' of"
                    + " the previous page unchanged", null);
            }
            newestFirst = cursor.group(1).equals("newest");
            positions = positionsOf(cursor.group(2), chosen);
        } else {
            newestFirst = query.newestFirst() != null ? query.newestFirst() : query.start().from() == From.END;
            positions = start(query, chosen, newestFirst);
        }
        Budget budget = new Budget(TIME, BYTES, RECORDS);
        Predicate<ConsumerRecord<byte[], byte[]>> wanted = query.filter().predicate();
        List<ConsumerRecord<byte[], byte[]>> candidates = new ArrayList<>();
        Map<Integer, Long> reached = new TreeMap<>();
        try (Consumer<byte[], byte[]> consumer = reader.open()) {
            for (Map.Entry<Integer, Long> position : positions.entrySet()) {
                int partition = position.getKey();
                long[] range = chosen.get(partition);
                TopicPartition tp = new TopicPartition(query.topic(), partition);
                Scan scan = newestFirst
                    ? reader.backward(consumer, tp, range[0], Math.min(position.getValue(), range[1]), query.limit(),
                        wanted, budget)
                    : reader.forward(consumer, tp, Math.max(position.getValue(), range[0]), range[1], query.limit(),
                        wanted, budget);
                candidates.addAll(scan.matches());
                reached.put(partition, scan.reached());
            }
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TopicCatalog.unreachable(e);
        }
        Comparator<ConsumerRecord<byte[], byte[]>> byTime = Comparator
            .<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
            .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset);
        candidates.sort(newestFirst ? byTime.reversed() : byTime);
        List<ConsumerRecord<byte[], byte[]>> taken = candidates.subList(0, Math.min(query.limit(),
            candidates.size()));
        Map<Integer, Long> next = new TreeMap<>(reached);
        for (Map.Entry<Integer, Long> position : positions.entrySet()) {
            int partition = position.getKey();
            boolean hadCandidates = candidates.stream().anyMatch(r -> r.partition() == partition);
            List<Long> offsets = taken.stream().filter(r -> r.partition() == partition)
                .map(ConsumerRecord::offset).toList();
            if (!offsets.isEmpty()) {
                next.put(partition, newestFirst ? offsets.stream().min(Long::compare).orElseThrow()
                    : offsets.stream().max(Long::compare).orElseThrow() + 1);
            } else if (hadCandidates) {
                // Its records were newer (or older) than the page's last: the next page reads them again.
                next.put(partition, newestFirst ? Math.min(position.getValue(), chosen.get(partition)[1])
                    : Math.max(position.getValue(), chosen.get(partition)[0]));
            }
        }
        boolean full = taken.size() == query.limit();
        boolean complete = full || !budget.spent();
        boolean exhausted = newestFirst && next.entrySet().stream()
            .allMatch(e -> e.getValue() <= chosen.get(e.getKey())[0]);
        List<KafkaRecordView> records = taken.stream().map(RecordFormat::view).toList();
        return new KafkaRecordPage(records, exhausted ? null : cursor(newestFirst, next), budget.scanned(),
            complete);
    }

    private static Map<Integer, long[]> partitions(Query query, Map<Integer, long[]> ranges) {
        if (query.partition() == null) {
            return new TreeMap<>(ranges);
        }
        if (!ranges.containsKey(query.partition())) {
            throw ApiException.badRequest(ErrorCode.PARTITION_OUT_OF_RANGE.with(query.topic(), query.partition(),
                ranges.size() - 1), "topic '" + query.topic() + "' has partitions 0 to " + (ranges.size() - 1)
                + ", not " + query.partition(), Map.of("fields", Map.of("partition", "0 to " + (ranges.size() - 1))));
        }
        return Map.of(query.partition(), ranges.get(query.partition()));
    }

    private Map<Integer, Long> start(Query query, Map<Integer, long[]> chosen, boolean newestFirst) {
        Start start = query.start();
        Map<Integer, Long> positions = new TreeMap<>();
        switch (start.from()) {
            case START -> chosen.forEach((p, range) -> positions.put(p, range[0]));
            case END -> chosen.forEach((p, range) -> positions.put(p, range[1]));
            case OFFSET -> {
                if (query.partition() == null || start.offset() == null) {
                    throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("offset"),
                        "from=offset needs a partition and an offset", Map.of("fields",
                        Map.of("partition", "required with from=offset", "offset", "required with from=offset")));
                }
                long[] range = chosen.get(query.partition());
                if (start.offset() < range[0] || start.offset() > range[1]) {
                    throw ApiException.badRequest(ErrorCode.OFFSET_OUT_OF_RANGE.with(query.partition(),
                        start.offset()), "offset " + start.offset() + " is out of range: partition "
                        + query.partition() + " of '" + query.topic() + "' " + (range[0] == range[1]
                        ? "holds no records (next offset " + range[1] + ")"
                        : "holds offsets " + range[0] + " to " + (range[1] - 1)),
                        Map.of("fields", Map.of("offset", range[0] + " to " + range[1])));
                }
                // Newest first from an offset: that record and the ones before it.
                positions.put(query.partition(), newestFirst ? Math.min(start.offset() + 1, range[1])
                    : start.offset());
            }
            case TIMESTAMP -> {
                if (start.timestamp() == null) {
                    throw ApiException.invalid("timestamp", "from=timestamp needs a timestamp (ISO-8601, e.g."
                        + " 2026-12-02T10:15:30Z)", "required");
                }
                if (start.timestamp().isAfter(clock.instant())) {
                    throw ApiException.badRequest(ErrorCode.TIMESTAMP_IN_FUTURE.with(start.timestamp()),
                        "timestamp " + start.timestamp() + " is in the future (now "
                        + clock.instant() + ")", Map.of("fields", Map.of("timestamp", "not in the future")));
                }
                positions.putAll(catalog.offsetsAt(query.topic(), chosen.keySet(), start.timestamp().toEpochMilli()));
            }
            default -> throw new IllegalStateException(start.from().name());
        }
        return positions;
    }

    private static Map<Integer, Long> positionsOf(String encoded, Map<Integer, long[]> chosen) {
        Map<Integer, Long> positions = new TreeMap<>();
        for (String part : encoded.split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] pair = part.split(":");
            try {
                int partition = Integer.parseInt(pair[0]);
                if (chosen.containsKey(partition)) {
                    positions.put(partition, Long.parseLong(pair[1]));
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("cursor"),
                    "cursor is not one this server returned: pass back the 'cursor' of"
                    + " the previous page unchanged", null);
            }
        }
        if (positions.isEmpty()) {
            throw ApiException.badRequest(ErrorCode.INVALID_PARAMETER.with("cursor"),
                "cursor names none of the partitions asked for: pass back the 'cursor' of"
                + " the previous page with the same topic and partition", null);
        }
        return positions;
    }

    private static String cursor(boolean newestFirst, Map<Integer, Long> next) {
        StringBuilder cursor = new StringBuilder(newestFirst ? "newest" : "oldest");
        next.forEach((partition, offset) -> cursor.append(';').append(partition).append(':').append(offset));
        return cursor.toString();
    }
}
