package dev.orderly.console.client;

import java.time.Instant;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Which records of a topic the Topics screen asks for: one partition or all, where the page starts, which records
 * are kept; or the cursor of the page before. Becomes the query parameters of
 * {@code GET /api/admin/kafka/topics/{topic}/records}.
 *
 * @param partition one partition, or null for all
 * @param start where the first page starts
 * @param filter which records are kept
 * @param cursor the previous page's cursor (then {@code start} is not sent), or null
 */
public record RecordQuery(Integer partition, Start start, Filter filter, String cursor) {

    public static final int PAGE = 50;
    /** A live tail's read: as many as the server gives at once (its limit), so a busy topic does not fall behind. */
    public static final int TAIL_PAGE = 500;

    /** Where a first page starts: the newest records, the oldest, an offset, or a time. */
    public record Start(From from, Long offset, Instant timestamp) {

        public static Start newest() {
            return new Start(From.NEWEST, null, null);
        }

        /** A live tail: nothing at first, then, page by page, what arrives after it began. */
        public static Start tail() {
            return new Start(From.TAIL, null, null);
        }
    }

    /** The start positions the screen offers, and the live tail (from the end, oldest first). */
    public enum From { NEWEST, OLDEST, OFFSET, TIME, TAIL }

    /** An exact key and a text the value contains; blank for any. */
    public record Filter(String key, String contains) {

        public static Filter none() {
            return new Filter("", "");
        }
    }

    /** The next page of the same records. */
    public RecordQuery next(String nextCursor) {
        return new RecordQuery(partition, start, filter, nextCursor);
    }

    /** The query's parameters (values not encoded: the client encodes them). */
    public MultiValueMap<String, String> parameters() {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        query.add("limit", Integer.toString(start.from() == From.TAIL ? TAIL_PAGE : PAGE));
        if (partition != null) {
            query.add("partition", partition.toString());
        }
        if (cursor != null) {
            query.add("cursor", cursor);
        } else {
            query.add("from", switch (start.from()) {
                case NEWEST, TAIL -> "end";
                case OLDEST -> "start";
                case OFFSET -> "offset";
                case TIME -> "timestamp";
            });
            query.add("order", start.from() == From.NEWEST ? "newest" : "oldest");
            if (start.from() == From.OFFSET) {
                query.add("offset", String.valueOf(start.offset()));
            }
            if (start.from() == From.TIME) {
                query.add("timestamp", String.valueOf(start.timestamp()));
            }
        }
        if (filter.key() != null && !filter.key().isBlank()) {
            query.add("key", filter.key().strip());
        }
        if (filter.contains() != null && !filter.contains().isEmpty()) {
            query.add("contains", filter.contains());
        }
        return query;
    }
}
