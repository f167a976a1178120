package dev.orderly.backend.explorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads ranges of one partition as raw bytes, with a consumer of its own that joins no group and commits nothing,
 * under a {@link Budget}: a read never runs past its time or its bytes, however large the topic.
 */
@Component
class RecordReader {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ConsumerFactory<String, String> consumers;

    RecordReader(ConsumerFactory<String, String> consumers) {
        this.consumers = consumers;
    }

    /** How much one request may read: until a deadline, at most so many bytes and records. */
    static final class Budget {
        private final long deadline;
        private long bytesLeft;
        private long recordsLeft;
        private long scanned;
        private boolean spent;

        Budget(Duration time, long bytes, long records) {
            this.deadline = System.nanoTime() + time.toNanos();
            this.bytesLeft = bytes;
            this.recordsLeft = records;
        }

        boolean spent() {
            if (!spent && (System.nanoTime() > deadline || bytesLeft <= 0 || recordsLeft <= 0)) {
                spent = true;
            }
            return spent;
        }

        long scanned() {
            return scanned;
        }

        private void count(ConsumerRecord<byte[], byte[]> record) {
            scanned++;
            recordsLeft--;
            bytesLeft -= Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        }
    }

    /** A consumer for raw reads; close it. */
    Consumer<byte[], byte[]> open() {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "orderly-explorer");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        // A read moves from partition to partition and often ends at a partition's end, where the broker would hold
        // the consumer's next fetch for up to half a second (the default) waiting for new records; the next
        // partition's fetch waited behind it (1.6 s for a first page of three partitions, BENCHMARKS.md).
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // Records of a transaction that never committed are not shown, as no consumer of the pipeline reads them.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** What a scan of {@code [from, to)} found: the matching records in offset order, and how far it got. */
    record Scan(List<ConsumerRecord<byte[], byte[]>> matches, long reached) {
    }

    /**
     * Reads {@code [from, to)} of one partition in offset order, keeping the records that match, and stops after
     * {@code enough} matches, at {@code to}, or when the budget is spent.
     */
    Scan forward(Consumer<byte[], byte[]> consumer, TopicPartition tp, long from, long to, int enough,
        Predicate<ConsumerRecord<byte[], byte[]>> wanted, Budget budget) {
        List<ConsumerRecord<byte[], byte[]>> matches = new ArrayList<>();
        if (from >= to) {
            return new Scan(matches, from);
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, from);
        long reached = from;
        while (reached < to && matches.size() < enough && !budget.spent()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(tp)) {
                if (record.offset() >= to || matches.size() >= enough) {
                    break;
                }
                budget.count(record);
                reached = record.offset() + 1;
                if (wanted.test(record)) {
                    matches.add(record);
                }
            }
            if (matches.size() < enough) {
                // Past offsets a read skips (transaction markers, compacted records): the position says where it is.
                reached = Math.max(reached, Math.min(to, consumer.position(tp)));
            }
        }
        return new Scan(matches, reached);
    }

    /**
     * Reads backwards from {@code to} (exclusive) towards {@code from} in growing windows, keeping the newest
     * {@code enough} matches (newest first), until it has them, reaches {@code from} or spends the budget.
     *
     * @return the matches newest first; {@code reached} is the lowest offset read
     */
    Scan backward(Consumer<byte[], byte[]> consumer, TopicPartition tp, long from, long to, int enough,
        Predicate<ConsumerRecord<byte[], byte[]>> wanted, Budget budget) {
        List<ConsumerRecord<byte[], byte[]>> newestFirst = new ArrayList<>();
        long upper = to;
        long window = Math.max(enough, 50);
        while (upper > from && newestFirst.size() < enough && !budget.spent()) {
            long lower = Math.max(from, upper - window);
            Scan scan = forward(consumer, tp, lower, upper, Integer.MAX_VALUE, wanted, budget);
            if (scan.reached() < upper) {
                // The budget ran out inside this window: what it found is not known to be the newest of it.
                break;
            }
            List<ConsumerRecord<byte[], byte[]>> found = scan.matches();
            for (int i = found.size() - 1; i >= 0 && newestFirst.size() < enough; i--) {
                newestFirst.add(found.get(i));
            }
            upper = newestFirst.size() >= enough ? newestFirst.get(newestFirst.size() - 1).offset() : lower;
            window *= 2;
        }
        return new Scan(newestFirst, upper);
    }
}
