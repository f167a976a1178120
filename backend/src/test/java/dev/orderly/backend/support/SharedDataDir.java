package dev.orderly.backend.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The data directory of the shared integration-test backend, under target/. It is not deleted at JVM exit: the
 * cached Spring context (and its Kafka broker) shuts down in a shutdown hook of its own, and a broker whose log
 * directory vanishes halts the JVM. Directories left by earlier runs are removed when the next run starts.
 */
public final class SharedDataDir {

    private static final Path DIR;
    private static final Map<String, Supplier<Object>> DATABASE =
        new LinkedHashMap<>();

    static {
        removeEarlierRuns();
        DIR = TestDataDir.create("shared");
        // One database for every test class of this JVM, so they share one Spring context.
        TestDatabase.register(new DynamicPropertyRegistry() {
            @Override
            public void add(String name, Supplier<Object> value) {
                DATABASE.put(name, value);
            }
        }, "shared");
    }

    private SharedDataDir() {
    }

    /** The data directory, and the database under test ({@link TestDatabase}). */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("orderly.data-dir", DIR::toString);
        DATABASE.forEach(registry::add);
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
