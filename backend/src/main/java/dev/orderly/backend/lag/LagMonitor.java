package dev.orderly.backend.lag;

import dev.orderly.backend.kafka.KafkaSettings;
import dev.orderly.backend.kafka.KafkaTopics;
import dev.orderly.backend.order.OrderRepository;
import dev.orderly.backend.query.StuckOrderQueries;
import dev.orderly.model.LagSnapshot;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PartitionLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every second: per group and partition, committed offset against the end offset. End offsets are read at
 * READ_COMMITTED (the last stable offset), so transaction markers and open transactions do not count as lag.
 */
@Component
public class LagMonitor {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);
    private static final Map<String, String> WATCHED = Map.of(
        KafkaTopics.PROCESSING_GROUP, KafkaTopics.PROCESSING,
        KafkaTopics.RETRY_GROUP, KafkaTopics.RETRY);

    private final ObjectProvider<Admin> admin;
    private final OrderRepository orders;
    private final SimpMessagingTemplate stomp;
    private final Clock clock;
    private final StuckOrderQueries stuck;
    private final int partitions;
    private final AtomicReference<LagSnapshot> latest = new AtomicReference<>();
    private long lastAppended;
    private long lastProcessed;

    LagMonitor(ObjectProvider<Admin> admin, OrderRepository orders, SimpMessagingTemplate stomp, Clock clock,
        KafkaSettings kafka, StuckOrderQueries stuck) {
        this.stuck = stuck;
        this.partitions = kafka.topics().partitions();
        this.admin = admin;
        this.orders = orders;
        this.stomp = stomp;
        this.clock = clock;
    }

    public LagSnapshot latest() {
        LagSnapshot snapshot = latest.get();
        return snapshot != null ? snapshot : LagSnapshot.empty(clock.instant());
    }

    @Scheduled(fixedRateString = "${orderly.lag.interval:1s}", initialDelayString = "${orderly.lag.interval:1s}")
    void poll() {
        try {
            LagSnapshot snapshot = measure();
            latest.set(snapshot);
            stomp.convertAndSend("/topic/pipeline", snapshot);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.debug("lag: measurement failed: {}", e.toString());
        }
    }

    LagSnapshot measure() throws Exception {
        Admin client = admin.getObject();
        Map<String, Integer> counts = partitionCounts(client);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (String topic : List.of(KafkaTopics.PROCESSING, KafkaTopics.RETRY, KafkaTopics.DEAD_LETTER)) {
            for (int p = 0; p < counts.get(topic); p++) {
                ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> endOffsets = client.listOffsets(ends,
            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, String> owners = owners(client);
        List<PartitionLag> rows = new ArrayList<>();
        for (Map.Entry<String, String> watched : WATCHED.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(watched.getKey())
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            for (int p = 0; p < counts.get(watched.getValue()); p++) {
                TopicPartition tp = new TopicPartition(watched.getValue(), p);
                long end = endOffsets.containsKey(tp) ? endOffsets.get(tp).offset() : 0;
                OffsetAndMetadata offset = committed.get(tp);
                long position = offset == null ? 0 : offset.offset();
                rows.add(new PartitionLag(watched.getKey(), tp.topic(), p, position, end, Math.max(0, end - position),
                    owners.get(tp)));
            }
        }
        rows.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::partition));
        Instant now = clock.instant();
        long appended = endTotal(endOffsets, KafkaTopics.PROCESSING);
        long processed = rows.stream().filter(r -> r.group().equals(KafkaTopics.PROCESSING_GROUP))
            .mapToLong(PartitionLag::committedOffset).sum();
        LagSnapshot previous = latest.get();
        double seconds = previous == null ? 0 : Duration.between(previous.at(), now).toMillis() / 1000.0;
        double inRate = seconds <= 0 ? 0 : Math.max(0, appended - lastAppended) / seconds;
        double outRate = seconds <= 0 ? 0 : Math.max(0, processed - lastProcessed) / seconds;
        lastAppended = appended;
        lastProcessed = processed;
        return new LagSnapshot(now, rows, rows.stream().mapToLong(PartitionLag::lag).sum(), inRate, outRate,
            endTotal(endOffsets, KafkaTopics.RETRY), endTotal(endOffsets, KafkaTopics.DEAD_LETTER),
            orders.countByStatus(OrderStatus.PENDING_PAYMENT), orders.oldestUpdateIn(OrderStatus.PENDING_PAYMENT),
            stuck.acceptedNotProcessed(), stuck.threshold().toSeconds());
    }

    /**
     * How many partitions each topic has on the broker: another backend (or an operator) may have created them with
     * another count than this backend's {@code orderly.kafka.topics.partitions}, which is only the count for topics
     * still missing.
     */
    private Map<String, Integer> partitionCounts(Admin client) throws Exception {
        List<String> topics = List.of(KafkaTopics.PROCESSING, KafkaTopics.RETRY, KafkaTopics.DEAD_LETTER);
        Map<String, Integer> counts = new HashMap<>();
        topics.forEach(topic -> counts.put(topic, partitions));
        try {
            client.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS)
                .forEach((topic, description) -> counts.put(topic, description.partitions().size()));
        } catch (ExecutionException e) {
            // not created yet: the configured count is what they will have
        }
        return counts;
    }

    /** Which member of each watched group owns which partition now: its client id (the backend's name) and host. */
    private static Map<TopicPartition, String> owners(Admin client) throws Exception {
        Map<TopicPartition, String> owners = new HashMap<>();
        for (ConsumerGroupDescription group : client.describeConsumerGroups(WATCHED.keySet()).all()
            .get(5, TimeUnit.SECONDS).values()) {
            for (MemberDescription member : group.members()) {
                for (TopicPartition tp : member.assignment().topicPartitions()) {
                    owners.put(tp, member.clientId() + " @ " + member.host());
                }
            }
        }
        return owners;
    }

    private static long endTotal(Map<TopicPartition, ListOffsetsResultInfo> ends, String topic) {
        return ends.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
            .mapToLong(e -> e.getValue().offset()).sum();
    }
}
