package dev.orderly.backend.explorer;

import dev.orderly.backend.web.ApiException;
import dev.orderly.model.ErrorCode;
import dev.orderly.model.KafkaTopicView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeLogDirsOptions;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the cluster says about its topics and consumer groups, through the application's one {@link Admin} client:
 * partitions and replicas, start and end offsets, size on disk, retention, which groups read what. Every call waits
 * at most {@link #WAIT} seconds; a broker that does not answer is a 503 with a sentence.
 */
@Component
class TopicCatalog {

    static final long WAIT = 10;
    /** How long one partition's or one broker's part of an answer may take before it is left out. */
    static final long PART_WAIT = 3;

    private final Admin admin;

    TopicCatalog(@Lazy Admin admin) {
        this.admin = admin;
    }

    /** Every topic, internal ones last, each with its partitions, offsets, size, retention and readers. */
    List<KafkaTopicView> topics() {
        Collection<TopicListing> listings = await(admin.listTopics(new ListTopicsOptions().listInternal(true))
            .listings());
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(listings.stream()
            .map(TopicListing::name).toList()).allTopicNames());
        Map<TopicPartition, Long> starts = offsets(descriptions.values(), OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(descriptions.values(), OffsetSpec.latest());
        Map<String, Long> retention = retention(descriptions.keySet());
        Map<TopicPartition, Long> sizes = sizes(descriptions.values());
        Map<String, Set<String>> readers = readers();
        List<KafkaTopicView> topics = new ArrayList<>();
        for (TopicDescription description : descriptions.values()) {
            List<KafkaTopicView.Partition> partitions = new ArrayList<>();
            long records = 0;
            Long size = 0L;
            for (TopicPartitionInfo info : description.partitions()) {
                TopicPartition tp = new TopicPartition(description.name(), info.partition());
                Long start = starts.get(tp);
                Long end = ends.get(tp);
                records += start == null || end == null ? 0 : end - start;
                size = size == null || !sizes.containsKey(tp) ? null : size + sizes.get(tp);
                partitions.add(new KafkaTopicView.Partition(info.partition(),
                    info.leader() == null ? null : info.leader().id(), ids(info.replicas()), ids(info.isr()), start,
                    end));
            }
            partitions.sort(Comparator.comparingInt(KafkaTopicView.Partition::partition));
            topics.add(new KafkaTopicView(description.name(), description.isInternal(), partitions, records, size,
                retention.get(description.name()),
                List.copyOf(readers.getOrDefault(description.name(), Set.of()))));
        }
        topics.sort(Comparator.comparing(KafkaTopicView::internal).thenComparing(KafkaTopicView::name));
        return topics;
    }

    /**
     * One topic's partitions with their start and end offsets, for reading: a partition whose leader does not answer
     * is left out. 404 when the cluster has no such topic.
     */
    Map<Integer, long[]> range(String topic) {
        return range(topic, false);
    }

    /**
     * The same for changing something (an offset reset), where every partition must be there: 503 naming the
     * partitions whose leader does not answer, rather than a change that skips them.
     */
    Map<Integer, long[]> wholeRange(String topic) {
        return range(topic, true);
    }

    private Map<Integer, long[]> range(String topic, boolean whole) {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames().get(WAIT, TimeUnit.SECONDS)
                .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw ApiException.notFound(ErrorCode.TOPIC_NOT_FOUND.with(topic),
                    "There is no topic '" + topic + "' on the cluster");
            }
            throw unreachable(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
        Map<TopicPartition, Long> starts = offsets(List.of(description), OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(List.of(description), OffsetSpec.latest());
        Map<Integer, long[]> range = new HashMap<>();
        for (TopicPartitionInfo info : description.partitions()) {
            TopicPartition tp = new TopicPartition(topic, info.partition());
            if (starts.containsKey(tp) && ends.containsKey(tp)) {
                range.put(info.partition(), new long[] {starts.get(tp), ends.get(tp)});
            }
        }
        if (whole && range.size() < description.partitions().size()) {
            List<Integer> missing = description.partitions().stream().map(TopicPartitionInfo::partition)
                .filter(p -> !range.containsKey(p)).sorted().toList();
            throw unreachable(new IllegalStateException("partition(s) " + missing + " of " + topic
                + " have no leader that answers"));
        }
        if (range.isEmpty() && !description.partitions().isEmpty()) {
            throw unreachable(new IllegalStateException("no partition of " + topic + " has a leader that answers"));
        }
        return range;
    }

    /** The first offset at or after {@code timestampMs} per partition; the end where no record is that new. */
    Map<Integer, Long> offsetsAt(String topic, Collection<Integer> partitions, long timestampMs) {
        Map<TopicPartition, OffsetSpec> specs = partitions.stream().collect(Collectors.toMap(
            p -> new TopicPartition(topic, p), p -> OffsetSpec.forTimestamp(timestampMs)));
        Map<TopicPartition, Long> found = await(admin.listOffsets(specs).all()).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        Map<TopicPartition, Long> ends = null;
        Map<Integer, Long> offsets = new HashMap<>();
        for (int partition : partitions) {
            long offset = found.getOrDefault(new TopicPartition(topic, partition), -1L);
            if (offset < 0) {
                if (ends == null) {
                    ends = await(admin.listOffsets(partitions.stream().collect(Collectors.toMap(
                        p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()))).all()).entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                }
                offset = ends.get(new TopicPartition(topic, partition));
            }
            offsets.put(partition, offset);
        }
        return offsets;
    }

    /**
     * Each partition's offset of {@code spec}, for the partitions whose leader answers within {@link #PART_WAIT}
     * seconds; a partition whose leader is down (before another broker takes over) is left out, not the whole answer.
     */
    private Map<TopicPartition, Long> offsets(Collection<TopicDescription> topics, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (TopicDescription topic : topics) {
            for (TopicPartitionInfo info : topic.partitions()) {
                specs.put(new TopicPartition(topic.name(), info.partition()), spec);
            }
        }
        if (specs.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(specs, new ListOffsetsOptions()
            .timeoutMs((int) TimeUnit.SECONDS.toMillis(PART_WAIT)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : specs.keySet()) {
            try {
                offsets.put(tp, result.partitionResult(tp).get(PART_WAIT + 1, TimeUnit.SECONDS).offset());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(e);
            } catch (ExecutionException | TimeoutException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException denied) {
                    throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.CLUSTER_REFUSED.problem(),
                        "The cluster refused this: " + denied.getMessage());
                }
                // This partition's offsets are unknown for now.
            }
        }
        return offsets;
    }

    private Map<String, Long> retention(Collection<String> topics) {
        List<ConfigResource> resources = topics.stream()
            .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<String, Long> retention = new HashMap<>();
        try {
            Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources, new DescribeConfigsOptions()
                .timeoutMs((int) TimeUnit.SECONDS.toMillis(PART_WAIT))).all());
            configs.forEach((resource, config) -> {
                ConfigEntry entry = config.get(TopicConfig.RETENTION_MS_CONFIG);
                if (entry != null && entry.value() != null) {
                    retention.put(resource.name(), Long.parseLong(entry.value()));
                }
            });
        } catch (ApiException notAllowed) {
            // A cluster that will not describe configs to this user: retention unknown, the rest still shown.
        }
        return retention;
    }

    /** The bytes of the leader's replica of each partition; empty when the brokers would not say. */
    private Map<TopicPartition, Long> sizes(Collection<TopicDescription> topics) {
        Map<TopicPartition, Integer> leaders = new HashMap<>();
        for (TopicDescription topic : topics) {
            for (TopicPartitionInfo info : topic.partitions()) {
                if (info.leader() != null) {
                    leaders.put(new TopicPartition(topic.name(), info.partition()), info.leader().id());
                }
            }
        }
        Map<TopicPartition, Long> sizes = new HashMap<>();
        if (leaders.isEmpty()) {
            return sizes;
        }
        Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> byBroker = admin.describeLogDirs(
            new TreeSet<>(leaders.values()), new DescribeLogDirsOptions()
                .timeoutMs((int) TimeUnit.SECONDS.toMillis(PART_WAIT))).descriptions();
        byBroker.forEach((broker, future) -> {
            Map<String, LogDirDescription> dirs;
            try {
                dirs = future.get(PART_WAIT + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // A broker that is down or will not say: its partitions' sizes are unknown.
                return;
            }
            dirs.values().forEach(dir -> {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (broker.equals(leaders.get(replica.getKey()))) {
                        sizes.merge(replica.getKey(), replica.getValue().size(), Long::sum);
                    }
                }
            });
        });
        return sizes;
    }

    /**
     * Topic name to the consumer groups with committed offsets on it. A broker or a group coordinator that does not
     * answer leaves its groups out (the list is for reading, not for deciding).
     */
    Map<String, Set<String>> readers() {
        Collection<GroupListing> listings;
        try {
            listings = admin.listGroups(ListGroupsOptions.forConsumerGroups()).valid()
                .get(PART_WAIT + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
        List<String> groups = listings.stream().map(GroupListing::groupId).toList();
        if (groups.isEmpty()) {
            return Map.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
            .collect(Collectors.toMap(Function.identity(), group -> new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(specs,
            new ListConsumerGroupOffsetsOptions().timeoutMs((int) TimeUnit.SECONDS.toMillis(PART_WAIT)));
        Map<String, Set<String>> readers = new HashMap<>();
        for (String group : groups) {
            try {
                offsets.partitionsToOffsetAndMetadata(group).get(PART_WAIT + 1, TimeUnit.SECONDS).keySet()
                    .forEach(tp -> readers.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(group));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // this group's coordinator did not answer
            }
        }
        return readers;
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).sorted().toList();
    }

    static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(WAIT, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException denied) {
                throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.CLUSTER_REFUSED.problem(),
                    "The cluster refused this: " + denied.getMessage());
            }
            throw unreachable(e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
    }

    static ApiException unreachable(Throwable cause) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.CLUSTER_UNREACHABLE.problem(),
            "The Kafka cluster did not answer within " + WAIT
            + " s (" + (cause == null ? "no reason given" : cause.getClass().getSimpleName() + ": "
            + cause.getMessage()) + "). Nothing was changed.");
    }
}
