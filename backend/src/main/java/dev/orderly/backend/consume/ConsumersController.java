package dev.orderly.backend.consume;

import dev.orderly.model.NoteCode;
import dev.orderly.backend.InstanceName;
import dev.orderly.backend.audit.AuditLog;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.AuditAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff stop and start this instance's order consumers (the processing and the retry listener). A stopped instance
 * leaves the consumer groups, so the other instances take its partitions; with every instance stopped the group is
 * empty and its offsets can be reset ({@code kafka-consumer-groups --reset-offsets}); a trainer can show lag
 * growing. Accepting orders goes on: they wait on the topic. Acts on the instance it is called on, and says so.
 */
@RestController
@RequestMapping("/api/admin/consumers")
class ConsumersController {

    private static final Logger log = LoggerFactory.getLogger(ConsumersController.class);
    private static final List<String> LISTENERS = List.of("order-processing", "order-retry");

    private final KafkaListenerEndpointRegistry registry;
    private final InstanceName instance;
    private final AuditLog audit;

    ConsumersController(KafkaListenerEndpointRegistry registry, InstanceName instance, AuditLog audit) {
        this.audit = audit;
        this.registry = registry;
        this.instance = instance;
    }

    /** Whether this instance's order consumers run. */
    record ConsumersState(String instance, boolean running) {
    }

    record ConsumersRequest(@NotNull(message = "running is required: true or false") Boolean running) {
    }

    @GetMapping
    ApiResponse<ConsumersState> state() {
        return ApiResponse.ok(current(), "Order consumers of " + instance.value());
    }

    @PutMapping
    ApiResponse<ConsumersState> change(@RequestBody @Valid ConsumersRequest request, Authentication authentication) {
        audit.recordThenApply(authentication.getName(), request.running() ? AuditAction.CONSUMERS_STARTED
            : AuditAction.CONSUMERS_STOPPED, AuditLog.name(instance.value()), NoteCode.LISTENERS.with(), () -> {
                for (String id : LISTENERS) {
                    MessageListenerContainer container = registry.getListenerContainer(id);
                    if (container == null) {
                        continue;
                    }
                    if (request.running()) {
                        container.start();
                    } else {
                        container.stop();
                    }
                }
            });
        log.info("order consumers of {} {} by staff", instance.value(), request.running() ? "started" : "stopped");
        String message = request.running()
            ? "Order consumers of " + instance.value() + " started: it rejoins " + KafkaTopics.PROCESSING_GROUP
                + " and gets partitions at the next rebalance"
            : "Order consumers of " + instance.value() + " stopped: it left " + KafkaTopics.PROCESSING_GROUP
                + "; other instances take its partitions, and orders still accepted wait on the topic";
        return ApiResponse.ok(current(), message);
    }

    private ConsumersState current() {
        boolean running = LISTENERS.stream().map(registry::getListenerContainer)
            .anyMatch(container -> container != null && container.isRunning());
        return new ConsumersState(instance.value(), running);
    }
}
