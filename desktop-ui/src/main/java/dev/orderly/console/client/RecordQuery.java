package dev.orderly.console.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Which records of a topic the Topics screen asks for: one partition or all, where the page starts, which records
 * are kept; or the cursor of the page before. Becomes the query string of
 * {@code GET /api/admin/kafka/topics/{topic}/records}.
 *
 * @param partition one partition, or null for all
 * @param start where the first page starts
 * @param filter which records are kept
 * @param cursor the previous page's cursor (then {@code start} is not sent), or null
 */
public record RecordQuery(Integer partition, Start start, Filter filter, String cursor) {

    public static final int PAGE = 50;

    /** Where a first page starts: the newest records, the oldest, an offset, or a time. */
    public record Start(From from, Long offset, Instant timestamp) {

        public static Start newest() {
            return new Start(From.NEWEST, null, null);
        }
    }

    /** The start positions the screen offers. */
    public enum From { NEWEST, OLDEST, OFFSET, TIME }

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

    /** The query string, starting with '?'. */
    public String toQueryString() {
        StringBuilder query = new StringBuilder("?limit=").append(PAGE);
        if (partition != null) {
            query.append("&partition=").append(partition);
        }
        if (cursor != null) {
            query.append("&cursor=").append(encode(cursor));
        } else {
            switch (start.from()) {
                case NEWEST -> query.append("&from=end&order=newest");
                case OLDEST -> query.append("&from=start&order=oldest");
                case OFFSET -> query.append("&from=offset&order=oldest&offset=").append(start.offset());
                case TIME -> query.append("&from=timestamp&order=oldest&timestamp=").append(start.timestamp());
                default -> throw new IllegalStateException(start.from().name());
            }
        }
        if (filter.key() != null && !filter.key().isBlank()) {
            query.append("&key=").append(encode(filter.key().strip()));
        }
        if (filter.contains() != null && !filter.contains().isEmpty()) {
            query.append("&contains=").append(encode(filter.contains()));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
