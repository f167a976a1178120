package dev.orderly.backend.web;

import java.lang.reflect.Method;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/} endpoint that declares no media type of its own answers {@code application/json} only, and
 * says so in its mapping: a request whose {@code Accept} excludes JSON then finds no handler and is answered 406
 * before anything runs. Without it the handler ran first (an order created, a payment captured) and only writing
 * the answer failed, with a 406 the client could not tell from "nothing happened".
 */
@Configuration(proxyBeanMethods = false)
class JsonAnswers implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
                RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
                if (info == null || !info.getProducesCondition().isEmpty()
                    || info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/"))) {
                    return info;
                }
                return info.mutate().produces(MediaType.APPLICATION_JSON_VALUE).build();
            }
        };
    }
}
