package dev.orderly.backend.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A real multi-broker Kafka cluster for the scale-out tests: {@code size} KRaft nodes (each broker and controller)
 * as separate JVMs on free ports, internal topics with {@code size} copies. Any node can be killed with
 * {@code kill -9} and restarted.
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<BrokerProcess> nodes;

    private KafkaCluster(List<BrokerProcess> nodes) {
        this.nodes = nodes;
    }

    /**
     * Formats and starts the nodes under {@code dir}; returns when all of them are members of the cluster. A node
     * whose process ends while starting (a free port taken by someone else in between, say) makes the whole cluster
     * start again on new ports and directories, at most three times; what it printed goes to the test's output.
     */
    public static KafkaCluster start(Path dir, int size) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dir.resolve("attempt-" + attempt), size);
            } catch (BrokerProcess.Ended e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.println("Kafka cluster start, attempt " + attempt + " failed; starting it again: "
                    + e.getMessage());
            }
        }
    }

    private static KafkaCluster startOnce(Path dir, int size) throws IOException, InterruptedException {
        List<BrokerProcess> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            nodes.add(new BrokerProcess(dir.resolve("node-" + id), id, FreePort.pick(), FreePort.pick()));
        }
        String voters = nodes.stream().map(BrokerProcess::voter).collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        KafkaCluster cluster = new KafkaCluster(nodes);
        try {
            for (BrokerProcess node : nodes) {
                node.configure(voters, size, clusterId);
            }
            for (BrokerProcess node : nodes) {
                node.spawn();
            }
            for (BrokerProcess node : nodes) {
                node.awaitReady(cluster.bootstrapServers());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return nodes.stream().map(BrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The node with this id (1-based). */
    public BrokerProcess node(int id) {
        return nodes.get(id - 1);
    }

    @Override
    public void close() {
        nodes.forEach(BrokerProcess::close);
    }
}
