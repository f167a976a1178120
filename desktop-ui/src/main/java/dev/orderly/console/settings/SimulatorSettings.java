package dev.orderly.console.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/** The payment simulator the in-process backend starts with: each payment's latency, and how often it fails. */
public record SimulatorSettings(long latencyMinMs, long latencyMaxMs, double errorRate, double timeoutRate) {

    public static final SimulatorSettings DEFAULT = new SimulatorSettings(50, 200, 0.0, 0.0);

    /** The backend's {@code orderly.gateway.*} properties. */
    public Map<String, String> backendProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("orderly.gateway.latency-min", latencyMinMs + "ms");
        properties.put("orderly.gateway.latency-max", latencyMaxMs + "ms");
        properties.put("orderly.gateway.error-rate", Double.toString(errorRate));
        properties.put("orderly.gateway.timeout-rate", Double.toString(timeoutRate));
        return properties;
    }
}
