package dev.orderly.console.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the backend creates Orderly's topics when they are missing: partitions, copies of each, and how many copies
 * must have a write before it counts. The embedded broker is one node (1 and 1); a team's cluster of three wants
 * 3 and 2, so losing a broker loses nothing and blocks no write.
 */
public record KafkaTopicSettings(int partitions, int replicationFactor, int minInsyncReplicas) {

    public static final KafkaTopicSettings DEFAULT = new KafkaTopicSettings(3, 1, 1);

    /** What is wrong, or null. */
    public String problem() {
        if (partitions < 1 || partitions > 1000) {
            return "topic partitions must be between 1 and 1000";
        }
        if (replicationFactor < 1 || replicationFactor > 10) {
            return "the replication factor must be between 1 and 10";
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            return "min in-sync replicas must be between 1 and the replication factor (" + replicationFactor + ")";
        }
        return null;
    }

    /** The backend's {@code orderly.kafka.topics.*} properties. */
    public Map<String, String> backendProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("orderly.kafka.topics.partitions", Integer.toString(partitions));
        properties.put("orderly.kafka.topics.replication-factor", Integer.toString(replicationFactor));
        properties.put("orderly.kafka.topics.min-insync-replicas", Integer.toString(minInsyncReplicas));
        return properties;
    }
}
