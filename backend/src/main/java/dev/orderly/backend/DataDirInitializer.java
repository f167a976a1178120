package dev.orderly.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates {@code orderly.data-dir} before anything writes to it and keeps Tomcat's scratch files inside it, so a
 * run leaves nothing in {@code java.io.tmpdir}.
 */
public class DataDirInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Path dataDir = Path.of(environment.getProperty("orderly.data-dir",
            System.getProperty("user.home") + "/.orderly")).toAbsolutePath();
        try {
            Files.createDirectories(dataDir.resolve("tomcat"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir
                + ": check that it is writable or pass --orderly.data-dir=<another directory>", e);
        }
        if (environment.getProperty("server.tomcat.basedir") == null) {
            environment.getPropertySources().addLast(new MapPropertySource("orderlyDataDir",
                Map.of("server.tomcat.basedir", dataDir.resolve("tomcat").toString())));
        }
    }
}
