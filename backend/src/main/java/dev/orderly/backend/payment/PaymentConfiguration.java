package dev.orderly.backend.payment;

import dev.orderly.backend.BackendSettings;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean(destroyMethod = "close")
    SimulatedPaymentGateway paymentGateway(GatewaySettings settings, BackendSettings backend,
        DataSourceProperties database) {
        return new SimulatedPaymentGateway(LedgerDatabase.forMainDatabase(database.getUrl(), database.getUsername(),
            database.getPassword(), backend.dataDir()), settings);
    }
}
