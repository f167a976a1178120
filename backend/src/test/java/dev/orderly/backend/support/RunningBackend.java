package dev.orderly.backend.support;

import dev.orderly.backend.OrderlyBackendApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A backend started and stopped by the test itself, for restarts and odd configurations. */
public final class RunningBackend implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningBackend(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningBackend start(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
            "--orderly.data-dir=" + dataDir,
            "--server.port=0",
            "--orderly.kafka.embedded.port=0",
            "--orderly.gateway.preset=instant",
            "--logging.file.name=",
            "--orderly.security.users[0].email=alice@example.com",
            "--orderly.security.users[0].password=alice-demo",
            "--orderly.security.users[0].role=CUSTOMER",
            "--orderly.security.users[1].email=staff@example.com",
            "--orderly.security.users[1].password=staff-demo",
            "--orderly.security.users[1].role=STAFF"));
        if (Arrays.stream(extraArgs).noneMatch(arg -> arg.startsWith("--spring.datasource.url="))) {
            args.addAll(TestDatabase.arguments(dataDir));
        }
        args.addAll(List.of(extraArgs));
        return new RunningBackend(new SpringApplicationBuilder(OrderlyBackendApplication.class)
            .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ApiClient api() {
        return new ApiClient(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
