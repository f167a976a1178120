package dev.orderly.console.topics;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.RecordQuery;
import dev.orderly.console.client.RecordQuery.Filter;
import dev.orderly.console.client.RecordQuery.From;
import dev.orderly.console.client.RecordQuery.Start;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.KafkaRecordView;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OrderTrailView;
import dev.orderly.model.TimelineEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Kafka's topics and their records: the cluster's topics, then one topic's records a page at a time (newest or
 * oldest first, from an offset or a time, filtered by key or text), and one record opened in full. Or a live tail:
 * the records that arrive after it began, newest on top, read each {@link #tick()} while it is on.
 */
public final class TopicsViewModel {

    /** How many records a live tail keeps on screen (the oldest go first). */
    static final int TAIL_ROWS = 500;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ObservableList<KafkaTopicView> topics = FXCollections.observableArrayList();
    private final ObservableList<KafkaRecordView> records = FXCollections.observableArrayList();
    private final ObjectProperty<KafkaTopicView> topic = new SimpleObjectProperty<>();
    private final ObjectProperty<KafkaRecordView> opened = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    /** What the record area shows: the opened record in full, or a followed order's trail. */
    private final StringProperty detail = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty morePages = new SimpleBooleanProperty(false);
    private final BooleanProperty tailing = new SimpleBooleanProperty(false);

    /** What the toolbar says: partition ("" for all), start, the offset or time typed, the filters. */
    private final StringProperty partition = new SimpleStringProperty("");
    private final ObjectProperty<StartAt> from = new SimpleObjectProperty<>(StartAt.NEWEST);
    private final StringProperty position = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty contains = new SimpleStringProperty("");
    private final StringProperty followed = new SimpleStringProperty("");

    private RecordQuery last;
    private String nextCursor;
    private int page;

    /** The live tail: its query, with the cursor it reads on from after its first read; null while it is off. */
    private RecordQuery tail;
    private boolean tailReading;
    /** Which tail an answer belongs to: one that comes back after its tail was stopped is dropped. */
    private long tailGeneration;
    private long tailCount;

    public TopicsViewModel(OrderlyClient client, TaskRunner runner) {
        this.client = client;
        this.runner = runner;
        tailing.addListener((o, was, now) -> {
            if (now) {
                startTail();
            } else {
                stopTail();
            }
        });
    }

    public void loadTopics() {
        busy.set(true);
        runner.run(client::kafkaTopics, list -> {
            busy.set(false);
            String selected = topic.get() == null ? null : topic.get().name();
            topics.setAll(list);
            list.stream().filter(t -> t.name().equals(selected)).findFirst().ifPresent(topic::set);
            message.set(I18n.t("topics.count", String.valueOf(list.size())));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("topics.notLoaded", Messages.of(error)));
        });
    }

    /** Shows {@code chosen}'s newest records (or as the toolbar says). */
    public void open(KafkaTopicView chosen) {
        tailing.set(false);
        topic.set(chosen);
        if (chosen != null) {
            loadRecords();
        }
    }

    /** The first page as the toolbar says; a clear sentence, and nothing asked, when the toolbar is not valid. */
    public void loadRecords() {
        tailing.set(false);
        if (topic.get() == null) {
            message.set(I18n.t("topics.chooseFirst"));
            return;
        }
        RecordQuery query = toolbarQuery(false);
        if (query == null) {
            return;
        }
        page = 0;
        fetch(query);
    }

    /** The next page of the same records. */
    public void nextPage() {
        if (tailing.get() || last == null || nextCursor == null) {
            return;
        }
        fetch(last.next(nextCursor));
    }

    private void fetch(RecordQuery query) {
        String name = topic.get().name();
        busy.set(true);
        runner.run(() -> client.kafkaRecords(name, query), result -> {
            busy.set(false);
            last = query;
            show(result);
        }, error -> {
            busy.set(false);
            message.set(I18n.t("topics.notRead", name, Messages.of(error)));
        });
    }

    private void show(KafkaRecordPage result) {
        page++;
        records.setAll(result.records());
        openRecord(result.records().isEmpty() ? null : result.records().get(0));
        nextCursor = result.cursor();
        morePages.set(nextCursor != null && !result.records().isEmpty());
        message.set(I18n.t("topics.page", String.valueOf(page), String.valueOf(result.records().size()),
            String.valueOf(result.scanned())) + (result.complete() ? "" : I18n.t("topics.page.budget"))
            + (result.records().isEmpty() && from.get() != StartAt.NEWEST ? I18n.t("topics.page.nothingNewer") : ""));
        if (result.records().isEmpty() && nextCursor != null && from.get() != StartAt.NEWEST) {
            // Oldest first, the cursor is a live tail: Next page shows what has arrived since.
            morePages.set(true);
        }
    }

    /**
     * Begins the live tail of the chosen topic (the partition and filters as the toolbar says): the screen empties,
     * then each {@link #tick()} adds what arrived since, newest on top.
     */
    private void startTail() {
        if (topic.get() == null) {
            message.set(I18n.t("topics.chooseFirst"));
            tailing.set(false);
            return;
        }
        RecordQuery query = toolbarQuery(true);
        if (query == null) {
            tailing.set(false);
            return;
        }
        tailGeneration++;
        records.clear();
        openRecord(null);
        nextCursor = null;
        morePages.set(false);
        tailCount = 0;
        tail = query;
        tailReading = false;
        message.set(I18n.t("topics.tail.waiting", topic.get().name()));
        // The first read finds the partitions' ends (nothing yet); each tick after reads on from its cursor.
        tick();
    }

    /** Reads what arrived since the last read, when the live tail is on and no read is under way. */
    public void tick() {
        if (!tailing.get() || tail == null || tailReading) {
            return;
        }
        long generation = tailGeneration;
        String name = topic.get().name();
        RecordQuery query = tail;
        tailReading = true;
        runner.run(() -> client.kafkaRecords(name, query), result -> {
            if (generation == tailGeneration) {
                tailReading = false;
                if (result.cursor() != null) {
                    tail = query.next(result.cursor());
                }
                added(name, result.records());
            }
        }, error -> {
            if (generation == tailGeneration) {
                // A broker that does not answer for a moment: say so, and the next tick tries again.
                tailReading = false;
                message.set(I18n.t("topics.tail.notRead", name, Messages.of(error)));
            }
        });
    }

    private void added(String name, List<KafkaRecordView> arrived) {
        if (!arrived.isEmpty()) {
            List<KafkaRecordView> newestFirst = new ArrayList<>(arrived);
            Collections.reverse(newestFirst);
            records.addAll(0, newestFirst);
            if (records.size() > TAIL_ROWS) {
                records.remove(TAIL_ROWS, records.size());
            }
            tailCount += arrived.size();
            message.set(I18n.t("topics.tail.live", name, String.valueOf(tailCount),
                CLOCK.format(arrived.get(arrived.size() - 1).timestamp()), String.valueOf(TAIL_ROWS)));
        }
    }

    private void stopTail() {
        tailGeneration++;
        if (tail != null) {
            message.set(I18n.t("topics.tail.stopped", String.valueOf(tailCount)));
        }
        tail = null;
        tailReading = false;
    }

    public void openRecord(KafkaRecordView record) {
        opened.set(record);
        detail.set(describe(record));
    }

    /** The order typed in the toolbar, followed across the pipeline's topics beside its timeline. */
    public void followOrder() {
        tailing.set(false);
        long orderId;
        try {
            orderId = Long.parseLong(followed.get() == null ? "" : followed.get().strip().replace("#", ""));
        } catch (NumberFormatException e) {
            message.set(I18n.t("topics.typeOrder"));
            return;
        }
        busy.set(true);
        runner.run(() -> client.followOrder(orderId), trail -> {
            busy.set(false);
            List<KafkaRecordView> found = trail.entries().stream().map(OrderTrailView.Entry::record)
                .filter(Objects::nonNull).toList();
            records.setAll(found);
            opened.set(null);
            nextCursor = null;
            morePages.set(false);
            detail.set(trailText(trail));
            long topicsSeen = found.stream().map(KafkaRecordView::topic).distinct().count();
            message.set(I18n.t("topics.followed", String.valueOf(orderId), String.valueOf(found.size()),
                String.valueOf(topicsSeen), String.valueOf(trail.entries().size() - found.size()))
                + (trail.complete() ? "" : I18n.t("topics.followed.incomplete")));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("topics.notFollowed", String.valueOf(orderId), Messages.of(error)));
        });
    }

    /** One line per record and timeline entry, by time. */
    static String trailText(OrderTrailView trail) {
        StringBuilder text = new StringBuilder(I18n.t("topics.trail.title", String.valueOf(trail.orderId())))
            .append("\n\n");
        // The two kinds of line, their words padded to one width so what follows lines up.
        String record = I18n.t("topics.trail.record");
        String timeline = I18n.t("topics.trail.timeline");
        String width = "%-" + (Math.max(record.length(), timeline.length()) + 1) + "s";
        String recordWord = String.format(width, record);
        String timelineWord = String.format(width, timeline);
        for (OrderTrailView.Entry entry : trail.entries()) {
            text.append(entry.at()).append("  ");
            if (entry.record() != null) {
                KafkaRecordView r = entry.record();
                text.append(recordWord).append(r.topic()).append('-').append(r.partition()).append('@')
                    .append(r.offset());
            } else {
                TimelineEntry t = entry.timeline();
                text.append(timelineWord).append(t.kind()).append(t.to() == null ? "" : " -> " + t.to())
                    .append(": ").append(Messages.detail(t));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** A record in full: where it is, key, headers, format and size, the value. */
    static String describe(KafkaRecordView record) {
        if (record == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append(record.topic()).append('-').append(record.partition()).append('@').append(record.offset())
            .append("   ").append(record.timestamp()).append('\n');
        text.append(I18n.t("topics.record.key", record.key() == null ? I18n.t("topics.record.noKey") : record.key()))
            .append('\n');
        record.headers().forEach(h -> text.append(I18n.t("topics.record.header", h.name(), h.value())).append('\n'));
        text.append(I18n.t(record.truncated() ? "topics.record.sizeTruncated" : "topics.record.size",
            String.valueOf(record.format()), String.valueOf(record.valueBytes()))).append("\n\n");
        text.append(record.value() == null ? I18n.t("topics.record.nullValue") : record.value());
        return text.toString();
    }

    /**
     * The query the toolbar asks for (its start, or a live tail from the end), or null after saying why the toolbar
     * is not valid.
     */
    private RecordQuery toolbarQuery(boolean tail) {
        try {
            return new RecordQuery(partitionChosen(), tail ? Start.tail() : start(),
                new Filter(key.get(), contains.get()), null);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return null;
        }
    }

    private Integer partitionChosen() {
        String text = partition.get() == null ? "" : partition.get().strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            int chosen = Integer.parseInt(text);
            int count = topic.get().partitions().size();
            if (chosen < 0 || chosen >= count) {
                throw new IllegalArgumentException(I18n.t("topics.check.partitionRange", String.valueOf(count - 1)));
            }
            return chosen;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(I18n.t("topics.check.partition",
                String.valueOf(topic.get().partitions().size() - 1)));
        }
    }

    private Start start() {
        String text = position.get() == null ? "" : position.get().strip();
        return switch (from.get()) {
            case NEWEST -> new Start(From.NEWEST, null, null);
            case OLDEST -> new Start(From.OLDEST, null, null);
            case OFFSET -> {
                if (partition.get() == null || partition.get().isBlank()) {
                    throw new IllegalArgumentException(I18n.t("topics.check.offsetNeedsPartition"));
                }
                try {
                    yield new Start(From.OFFSET, Long.parseLong(text), null);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(I18n.t("topics.check.offset"));
                }
            }
            case TIME -> {
                try {
                    yield new Start(From.TIME, null, Instant.parse(text));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(I18n.t("topics.check.time"));
                }
            }
        };
    }

    public ObservableList<KafkaTopicView> topics() {
        return topics;
    }

    public ObservableList<KafkaRecordView> records() {
        return records;
    }

    public ReadOnlyObjectProperty<KafkaTopicView> topicProperty() {
        return topic;
    }

    public ReadOnlyObjectProperty<KafkaRecordView> openedProperty() {
        return opened;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public StringProperty followedProperty() {
        return followed;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty morePagesProperty() {
        return morePages;
    }

    /** Whether the live tail is on (the toolbar's Live button). */
    public BooleanProperty tailingProperty() {
        return tailing;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public ObjectProperty<StartAt> fromProperty() {
        return from;
    }

    public StringProperty positionProperty() {
        return position;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty containsProperty() {
        return contains;
    }
}
