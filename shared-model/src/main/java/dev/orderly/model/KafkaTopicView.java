package dev.orderly.model;

import java.util.List;

/**
 * One topic on the connected cluster ({@code GET /api/admin/kafka/topics}).
 *
 * @param name the topic
 * @param internal whether Kafka keeps it for itself ({@code __consumer_offsets})
 * @param partitions each partition's replicas and offsets
 * @param records end minus start offset over every partition whose offsets are known (records that may be read;
 *     compaction and transaction markers make it an upper bound)
 * @param sizeBytes the bytes on disk of one replica of each partition, or null when the broker would not say
 * @param retentionMs the topic's {@code retention.ms} ({@code -1}: kept forever), or null when unknown
 * @param groups the consumer groups with committed offsets on it
 */
public record KafkaTopicView(String name, boolean internal, List<Partition> partitions, long records, Long sizeBytes,
    Long retentionMs, List<String> groups) {

    /**
     * One partition: where it lives and what it holds. {@code leader} is null while it has none, and the offsets are
     * null while its leader does not answer (a broker down, before another takes over).
     */
    public record Partition(int partition, Integer leader, List<Integer> replicas, List<Integer> inSyncReplicas,
        Long startOffset, Long endOffset) {
    }
}
