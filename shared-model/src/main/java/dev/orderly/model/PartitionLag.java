package dev.orderly.model;

/**
 * Consumer lag of one group on one partition: end offset minus committed offset, transaction markers excluded, and
 * which group member owns the partition right now.
 *
 * @param owner the owning member's client id and host ({@code "orderly-a-0 @ /10.0.0.5"}), or null while nobody
 *              owns it (no consumer running, or a rebalance under way)
 */
public record PartitionLag(String group, String topic, int partition, long committedOffset, long endOffset, long lag,
    String owner) {

    /** A partition whose owner is not known. */
    public PartitionLag(String group, String topic, int partition, long committedOffset, long endOffset, long lag) {
        this(group, topic, partition, committedOffset, endOffset, lag, null);
    }
}
