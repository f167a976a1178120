package dev.orderly.backend.payment;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedPaymentGateway paymentGateway(GatewaySettings settings, @Value("${orderly.data-dir}") Path dataDir,
        DataSourceProperties database) {
        return new SimulatedPaymentGateway(LedgerDatabase.forMainDatabase(database.getUrl(), database.getUsername(),
            database.getPassword(), dataDir), settings);
    }
}
