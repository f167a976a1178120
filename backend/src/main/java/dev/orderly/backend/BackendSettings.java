package dev.orderly.backend;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where this backend keeps its files ({@code orderly.data-dir}: the H2 database, the embedded broker's log, the
 * simulated gateway's ledger) and its readable name among several ({@code orderly.instance-name}, see
 * {@link InstanceName}).
 */
@ConfigurationProperties("orderly")
@Validated
public record BackendSettings(@NotNull Path dataDir, @DefaultValue("") String instanceName) {
}
