package dev.orderly.backend.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly: a value of the wrong type is a 400, never quietly converted into something the client did
 * not write (quantity 2.7 stored as 2, {@code "mode": 1} switching to the second mode, {@code "times": "5"}, a
 * boolean from 1, a number taken as a SKU's text); a field given twice ({@code "quantity":1,"quantity":9999}) or a
 * field the request does not have is refused, naming it; amounts are bounded when read ({@link BoundedDecimals}),
 * so no rule ever computes with 1e10000000. Our own Kafka events are read with the same mapper (unknown fields
 * apart: {@link dev.orderly.backend.messaging.EventJson}) and are always written with the right types.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("bounded-decimals").addDeserializer(java.math.BigDecimal.class,
                new BoundedDecimals()));
    }
}
