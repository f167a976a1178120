package dev.orderly.backend.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context of {@link IntegrationTest} a fresh data directory under target/ and, in the
 * PostgreSQL execution, a fresh database ({@link TestDatabase}). Because it is named in the annotation rather than
 * registered per class, every test class with the same configuration has the same context key, so Spring's test
 * context cache lets them share one running backend in the JVM; a class with other properties gets a context, a
 * directory and a database of its own. Directories are not deleted at JVM exit (the cached context's broker shuts
 * down in a shutdown hook of its own, and a broker whose log directory vanishes halts the JVM); those of earlier
 * runs are removed when the first context of the next run starts.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class BackendDataInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static {
        removeEarlierRuns();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dir = TestDataDir.create("shared");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("orderly.data-dir", dir.toString());
        TestDatabase.register((name, value) -> properties.put(name, value.get()), "shared");
        context.getEnvironment().getPropertySources()
            .addFirst(new MapPropertySource("orderly-test-data", properties));
    }

    private static void removeEarlierRuns() {
        Path root = Path.of("target", "test-data").toAbsolutePath();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> earlier = Files.newDirectoryStream(root, "shared-*")) {
            earlier.forEach(TestDataDir::delete);
        } catch (IOException | RuntimeException e) {
            // leftovers only cost disk space
        }
    }
}
