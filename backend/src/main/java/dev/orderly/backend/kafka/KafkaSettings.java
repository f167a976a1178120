package dev.orderly.backend.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Kafka comes from: {@code embedded} starts a real single-node KRaft broker in this JVM,
 * {@code external} uses {@code spring.kafka.bootstrap-servers} and the usual {@code spring.kafka.*} security.
 */
@ConfigurationProperties("orderly.kafka")
@Validated
public record KafkaSettings(@NotNull @DefaultValue("embedded") Mode mode, @Valid @DefaultValue Embedded embedded,
    @Valid @DefaultValue Topics topics) {

    /** The two ways to reach Kafka. */
    public enum Mode { EMBEDDED, EXTERNAL }

    /**
     * How Orderly creates its topics when they are missing: partitions of each topic, copies of each partition
     * (1 for the embedded broker; 3 on a team's cluster), and how many copies must have a write before the broker
     * acknowledges it ({@code min.insync.replicas}; with the producers' {@code acks=all}).
     */
    public record Topics(@Min(1) @Max(64) @DefaultValue("3") int partitions,
        @Min(1) @Max(7) @DefaultValue("1") int replicationFactor,
        @Min(1) @Max(7) @DefaultValue("1") int minInsyncReplicas) {

        public Topics {
            if (minInsyncReplicas > replicationFactor) {
                throw new IllegalArgumentException("orderly.kafka.topics.min-insync-replicas (" + minInsyncReplicas
                    + ") cannot exceed orderly.kafka.topics.replication-factor (" + replicationFactor + ")");
            }
        }
    }

    /** The in-process broker's client port; 0 picks any free port. */
    public record Embedded(@Min(0) @Max(65535) @DefaultValue("9092") int port) {
    }
}
