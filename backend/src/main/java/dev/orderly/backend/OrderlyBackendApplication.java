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
        SpringApplication.run(OrderlyBackendApplication.class, args);
    }
}
