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
public record KafkaSettings(@NotNull @DefaultValue("embedded") Mode mode, @Valid @DefaultValue Embedded embedded) {

    /** The two ways to reach Kafka. */
    public enum Mode { EMBEDDED, EXTERNAL }

    /** The in-process broker's client port; 0 picks any free port. */
    public record Embedded(@Min(0) @Max(65535) @DefaultValue("9092") int port) {
    }
}
