package dev.orderly.console.client;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start the in-process backend: data directory, ports, Kafka mode, and any further backend properties
 * (e.g. {@code spring.kafka.security.protocol}, {@code orderly.gateway.error-rate}).
 */
public record BackendOptions(Path dataDir, int httpPort, String kafkaMode, int kafkaPort, String bootstrapServers,
    Map<String, String> extraProperties) {

    public BackendOptions {
        extraProperties = Map.copyOf(extraProperties == null ? Map.of() : extraProperties);
    }

    /** Spring Boot command-line arguments for these options. */
    public List<String> toArguments() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("orderly.data-dir", dataDir.toAbsolutePath().toString());
        props.put("server.port", Integer.toString(httpPort));
        props.put("orderly.kafka.mode", kafkaMode);
        props.put("orderly.kafka.embedded.port", Integer.toString(kafkaPort));
        if ("external".equals(kafkaMode) && bootstrapServers != null && !bootstrapServers.isBlank()) {
            props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        }
        props.putAll(extraProperties);
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    public BackendOptions withHttpPort(int port) {
        return new BackendOptions(dataDir, port, kafkaMode, kafkaPort, bootstrapServers, extraProperties);
    }
}
