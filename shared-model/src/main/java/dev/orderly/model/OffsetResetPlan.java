package dev.orderly.model;

import java.util.List;

/**
 * What an offset reset does (or did) to a group on a topic.
 *
 * @param group the consumer group
 * @param topic the topic
 * @param applied false for a preview: nothing was changed
 * @param partitions one line per partition
 */
public record OffsetResetPlan(String group, String topic, boolean applied, List<Move> partitions) {

    /**
     * One partition's move.
     *
     * @param current the committed offset before, or null when the group had none
     * @param target the new committed offset
     * @param endOffset the partition's end
     * @param lagAfter records the group will read again (or still has to read) after the move
     */
    public record Move(int partition, Long current, long target, long endOffset, long lagAfter) {
    }
}
