package dev.orderly.model;

import java.util.List;

/**
 * A page of one topic's records ({@code GET /api/admin/kafka/topics/{topic}/records}).
 *
 * @param records at most the page size, in the order asked for
 * @param cursor where the next page starts (pass it back as {@code cursor}), or null when nothing is left
 * @param scanned how many records were read to fill the page (more than the page when a filter is set)
 * @param complete false when the read stopped at its time or byte budget before the page was full: the next
 *     page carries on from where it stopped
 */
public record KafkaRecordPage(List<KafkaRecordView> records, String cursor, long scanned, boolean complete) {
}
