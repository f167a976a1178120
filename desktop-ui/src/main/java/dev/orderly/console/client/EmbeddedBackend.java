package dev.orderly.console.client;

import dev.orderly.backend.OrderlyBackendApplication;
import dev.orderly.backend.db.DatabaseProblems;
import dev.orderly.backend.kafka.EmbeddedKafkaBroker;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.client.StartupStep.Detail;
import dev.orderly.console.client.StartupStep.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The backend running inside the console's JVM, started with progress per component. Closing it stops the
 * consumers, the broker and the database cleanly; the backend's own shutdown hook does the same on SIGTERM.
 */
public final class EmbeddedBackend implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private EmbeddedBackend(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /**
     * Starts the backend; if the HTTP port is taken, any free one is used instead (the console needs no fixed
     * port). Blocks until ready.
     *
     * @throws BackendStartException naming the component that failed and why
     */
    public static EmbeddedBackend start(BackendOptions options, Consumer<StartupStep> progress) {
        BackendOptions effective = options;
        if (options.httpPort() != 0 && !isFree(options.httpPort())) {
            effective = options.withHttpPort(0);
            progress.accept(new StartupStep(Component.HTTP_API, State.WAITING, Detail.PORT_TAKEN,
                String.valueOf(options.httpPort())));
        }
        Tracker tracker = new Tracker(progress);
        progress.accept(new StartupStep(Component.CONFIGURATION, State.STARTING, Detail.READING_SETTINGS, ""));
        try {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(OrderlyBackendApplication.class)
                .listeners(tracker)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(tracker))
                .run(effective.toArguments().toArray(String[]::new));
            int port = tracker.port;
            return new EmbeddedBackend(context, port);
        } catch (RuntimeException e) {
            // The broker starts on a thread of its own: its failure surfaces later, whatever else is starting then.
            Component failed = brokerFailed(e) ? Component.BROKER : tracker.current;
            String reason = explain(e, effective.extraProperties().get("spring.datasource.url"));
            progress.accept(new StartupStep(failed, State.FAILED, Detail.FAILED, reason));
            throw new BackendStartException(failed, reason, e);
        }
    }

    private static boolean brokerFailed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedKafkaBroker.StartFailed) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The most specific message in the cause chain that a person can act on. */
    static String explain(Throwable e) {
        return explain(e, null);
    }

    /** The same, naming the database URL ({@code null}: the embedded H2 file) in a database problem. */
    static String explain(Throwable e, String databaseUrl) {
        String database = DatabaseProblems.explain(e, databaseUrl);
        if (database != null) {
            return database;
        }
        String best = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            if (message.contains("Database may be already in use") || message.contains("Locked by another process")) {
                return "The database is in use by another Orderly running on the same data directory. Close it,"
                    + " or choose another data directory in Settings.";
            }
            if (message.contains("is taken") || message.contains("did not start") || message.contains("Refusing")) {
                return message;
            }
            best = message;
        }
        return best;
    }

    /** Which component failed to start, and why. */
    public static final class BackendStartException extends RuntimeException {

        private final Component component;

        BackendStartException(Component component, String message, Throwable cause) {
            super(message, cause);
            this.component = component;
        }

        public Component component() {
            return component;
        }
    }

    /** Turns Spring's start-up events and bean creation into component progress. */
    private static final class Tracker implements ApplicationListener<org.springframework.context.ApplicationEvent>,
        InstantiationAwareBeanPostProcessor {

        private final Consumer<StartupStep> progress;
        private volatile Component current = Component.CONFIGURATION;
        private volatile int port;

        Tracker(Consumer<StartupStep> progress) {
            this.progress = progress;
        }

        private void step(Component component, State state, Detail detail, String value) {
            if (state == State.STARTING) {
                current = component;
            }
            progress.accept(new StartupStep(component, state, detail, value));
        }

        @Override
        public void onApplicationEvent(org.springframework.context.ApplicationEvent event) {
            if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
                step(Component.CONFIGURATION, State.READY, Detail.DATA_IN,
                    prepared.getEnvironment().getProperty("orderly.data-dir"));
            } else if (event instanceof WebServerInitializedEvent web) {
                port = web.getWebServer().getPort();
                step(Component.HTTP_API, State.READY, Detail.ANSWERING_AT, "http://127.0.0.1:" + port);
            } else if (event instanceof ApplicationStartedEvent) {
                step(Component.TOPICS, State.READY, Detail.TOPICS_READY, "4");
                step(Component.CONSUMERS, State.STARTING, Detail.JOINING_GROUPS, "");
            } else if (event instanceof ApplicationReadyEvent) {
                step(Component.CONSUMERS, State.READY, Detail.GROUPS_JOINED,
                    "order-processing-group, order-retry-group");
            }
        }

        @Override
        public Object postProcessBeforeInstantiation(Class<?> beanClass, String beanName) throws BeansException {
            if ("embeddedKafkaBroker".equals(beanName)) {
                step(Component.BROKER, State.STARTING, Detail.STARTING_BROKER, "");
            } else if ("dataSource".equals(beanName)) {
                step(Component.DATABASE, State.STARTING, Detail.OPENING_DATABASE, "");
            }
            return null;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            if (bean instanceof EmbeddedKafkaBroker broker) {
                // It comes up on a thread of its own while the rest starts.
                broker.whenStarted(() -> step(Component.BROKER, State.READY, Detail.BROKER_LISTENING,
                    broker.bootstrapServers()));
            } else if ("flywayInitializer".equals(beanName) || "entityManagerFactory".equals(beanName)) {
                step(Component.DATABASE, State.READY, Detail.SCHEMA_UP_TO_DATE, "");
            } else if (bean instanceof KafkaAdmin) {
                step(Component.TOPICS, State.STARTING, Detail.CREATING_TOPICS, "");
            }
            return bean;
        }
    }
}
