package dev.orderly.backend.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The data directory of the shared integration-test backend, under target/. It is not deleted at JVM exit: the
 * cached Spring context (and its Kafka broker) shuts down in a shutdown hook of its own, and a broker whose log
 * directory vanishes halts the JVM. Directories left by earlier runs are removed when the next run starts.
 */
public final class SharedDataDir {

    private static final Path DIR;

    static {
        removeEarlierRuns();
        DIR = TestDataDir.create("shared");
    }

    private SharedDataDir() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("orderly.data-dir", DIR::toString);
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
