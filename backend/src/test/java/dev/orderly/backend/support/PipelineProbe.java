package dev.orderly.backend.support;

import static org.awaitility.Awaitility.await;

import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ProcessingInstructions;
import dev.orderly.model.ShipmentRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaAdmin;

/** What the pipeline tests look at on the broker, and the instructions they put there. */
public final class PipelineProbe {

    private PipelineProbe() {
    }

    public static ProcessingInstructions instructions(boolean warehouse) {
        return instructions(warehouse, new BigDecimal("25.00"));
    }

    public static ProcessingInstructions instructions(boolean warehouse, BigDecimal amount) {
        PayAndShipmentRequest request = new PayAndShipmentRequest(
            new PaymentRequest(PaymentMethod.CARD, "4111111111111111", amount),
            new ShipmentRequest("Alice Kim", "010-1234-5678", "1 Main St, Seoul", "04524"), warehouse);
        return ProcessingInstructions.of(request, "tok_test");
    }

    /** The broker's address as the application's clients have it (a list or a comma-separated string). */
    public static Object bootstrapServers(KafkaAdmin admin) {
        return admin.getConfigurationProperties().get("bootstrap.servers");
    }

    /** Waits for the record with this exact value on the DLT. */
    public static ConsumerRecord<String, String> awaitDeadLetter(KafkaAdmin admin, String value, Duration wait) {
        Map<String, Object> config = Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(admin),
            ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
            new StringDeserializer())) {
            consumer.subscribe(List.of(KafkaTopics.DEAD_LETTER));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(wait).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (value.equals(r.value())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
