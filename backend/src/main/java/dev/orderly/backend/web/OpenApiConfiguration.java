package dev.orderly.backend.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Objects;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description springdoc builds from the controllers ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}): what the API is, and that every call signs in with HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basic";
    static final String SESSION = "session";

    @Bean
    OpenAPI orderlyOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Orderly API").version("1")
                .description("Orders, their payment and shipment through Kafka, the pipeline underneath, and the"
                    + " staff's tools. Every answer is the envelope {success, message, data}; errors carry a"
                    + " message that says what to change. Accepting a payment answers 202 at once; follow the"
                    + " order at /api/orders/{id}/status or over STOMP (/ws, /topic/orders)."))
            .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("The e-mail and password of a user (see the README's demo accounts)"))
                .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("A session token from POST /api/session")))
            .addSecurityItem(new SecurityRequirement().addList(BASIC))
            .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }

    /** Every request that changes data may carry an {@code Idempotency-Key} ({@link IdempotentRequests}). */
    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().values().forEach(path -> Stream.of(path.getPost(), path.getPut(), path.getPatch(),
                path.getDelete()).filter(Objects::nonNull).forEach(operation -> operation.addParametersItem(
                    new HeaderParameter().name(IdempotentRequests.HEADER).required(false)
                        .schema(new StringSchema().maxLength(255))
                        .description("Optional; the same key with the same request replays the first answer"
                            + " (Idempotent-Replayed: true), with another request 422, while the first runs 409"))));
        };
    }
}
