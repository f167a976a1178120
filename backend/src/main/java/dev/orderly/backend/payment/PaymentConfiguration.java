package dev.orderly.backend.payment;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedPaymentGateway paymentGateway(GatewaySettings settings, @Value("${orderly.data-dir}") Path dataDir) {
        return new SimulatedPaymentGateway(dataDir.resolve("gateway"), settings);
    }
}
