package dev.orderly.backend.lag;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Actuator health of the broker: UP when the cluster answers within two seconds (the shared admin client). */
@Component("kafka")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin kafkaAdmin;
    private final ObjectProvider<Admin> admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin, ObjectProvider<Admin> admin) {
        this.kafkaAdmin = kafkaAdmin;
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int nodes;
        try {
            nodes = admin.getObject().describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes()
                .get(2, TimeUnit.SECONDS).size();
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
}
