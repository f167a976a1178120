package dev.orderly.backend.lag;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Actuator health of the broker: UP when the cluster answers within two seconds. One admin client, reused. */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin kafkaAdmin;
    private Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Admin client = admin();
        int nodes;
        try {
            nodes = client.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
        } catch (java.util.concurrent.ExecutionException e) {
            builder.down().withDetail("error", explain(e.getCause()));
            return;
        }
        builder.up().withDetail("brokers", nodes)
            .withDetail("bootstrapServers", kafkaAdmin.getConfigurationProperties()
                .get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    /** What a refused connection means, in the words of the settings that fix it. */
    static String explain(Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.SaslAuthenticationException) {
            return "the cluster refused the SASL credentials (check the user, password and mechanism): "
                + cause.getMessage();
        }
        if (cause instanceof org.apache.kafka.common.errors.SslAuthenticationException) {
            return "the TLS handshake with the cluster failed (check its trust store and the security protocol): "
                + cause.getMessage();
        }
        return cause == null ? "unknown" : cause.toString();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "orderly-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
