package dev.orderly.model;

/** Consumer lag of one group on one partition: end offset minus committed offset, transaction markers excluded. */
public record PartitionLag(String group, String topic, int partition, long committedOffset, long endOffset, long lag) {
}
