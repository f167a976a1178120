package dev.orderly.backend.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole backend on a random HTTP port, a real embedded broker on a free port and an H2 file in a fresh data
 * directory (or a real PostgreSQL database, {@link TestDatabase}; tagged {@code database}, so the PostgreSQL run
 * picks it), both fresh for each context ({@link BackendDataInitializer}). Test classes with this annotation and
 * no other configuration share one running backend, so they must not assume an empty database or topic.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = BackendDataInitializer.class)
@TestPropertySource(properties = {
    "orderly.kafka.embedded.port=0",
    "orderly.gateway.preset=instant",
    "orderly.processing.max-retries=2",
    "orderly.processing.retry-backoff=100ms",
    "orderly.processing.retry-backoff-max=400ms",
    "orderly.processing.capture-sweep=300ms",
    "orderly.lag.interval=300ms",
    "orderly.security.users[0].email=alice@example.com",
    "orderly.security.users[0].password=alice-demo",
    "orderly.security.users[0].role=CUSTOMER",
    "orderly.security.users[1].email=staff@example.com",
    "orderly.security.users[1].password=staff-demo",
    "orderly.security.users[1].role=STAFF",
    "orderly.security.users[2].email=bob@example.com",
    "orderly.security.users[2].password=bob-test",
    "orderly.security.users[2].role=CUSTOMER",
    "logging.file.name=",
})
@Tag("database")
public @interface IntegrationTest {
}
