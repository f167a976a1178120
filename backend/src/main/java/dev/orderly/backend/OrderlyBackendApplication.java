package dev.orderly.backend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The headless backend: REST + WebSocket, the Kafka pipeline, H2 and (by default) an embedded broker. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrderlyBackendApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OrderlyBackendApplication.class);
        application.addInitializers(new DataDirInitializer());
        application.run(args);
    }
}
