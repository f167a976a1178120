package dev.orderly.backend.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The data directory of the shared integration-test backend; removed when the test JVM ends. */
public final class SharedDataDir {

    private static final Path DIR = TestDataDir.create("shared");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> TestDataDir.delete(DIR)));
    }

    private SharedDataDir() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("orderly.data-dir", DIR::toString);
    }
}
