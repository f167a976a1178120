package dev.orderly.console.topics;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OffsetResetRequest.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.binding.BooleanBinding;
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
 * A consumer group's offsets on the chosen topic, moved: to the earliest or latest records, to a time, or to an
 * offset per partition. Always previewed first (each partition's move and the records the group will read after it,
 * nothing changed); Reset applies exactly what was previewed, and any change to the group, target or value asks
 * for a new preview. The backend refuses (409) while the group has live members and records every reset in the
 * audit trail.
 */
public final class OffsetResetViewModel {

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final ReadOnlyObjectProperty<KafkaTopicView> topic;
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final StringProperty group = new SimpleStringProperty();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.EARLIEST);
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    /** The previewed (or applied) moves, a line per partition; empty when there is none to show. */
    private final StringProperty plan = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    /** The group and request the shown preview is of: Reset applies exactly that, and only while it is shown. */
    private final ObjectProperty<Previewed> previewed = new SimpleObjectProperty<>();
    private final BooleanBinding previewShown = previewed.isNotNull();

    private record Previewed(String group, OffsetResetRequest request) {
    }

    public OffsetResetViewModel(OrderlyClient client, TaskRunner runner,
        ReadOnlyObjectProperty<KafkaTopicView> topic) {
        this.client = client;
        this.runner = runner;
        this.topic = topic;
        topic.addListener((o, was, now) -> {
            if (now == null || was == null || !now.name().equals(was.name())) {
                forget();
            }
            groups.setAll(now == null ? List.of() : now.groups());
            // The topic's first group, unless the one chosen reads this topic too; none when no group reads it.
            if (!groups.contains(group.get())) {
                group.set(groups.isEmpty() ? null : groups.get(0));
            }
        });
        group.addListener((o, a, b) -> forget());
        target.addListener((o, a, b) -> forget());
        value.addListener((o, a, b) -> forget());
    }

    /** What the reset would do, changing nothing. */
    public void preview() {
        String name = group.get() == null ? "" : group.get().strip();
        OffsetResetRequest request = request(name);
        if (request == null) {
            return;
        }
        busy.set(true);
        runner.run(() -> client.previewOffsetReset(name, request), result -> {
            busy.set(false);
            plan.set(lines(result));
            previewed.set(new Previewed(name, request));
            message.set(I18n.t("offsets.previewed", name, request.topic(), String.valueOf(toRead(result))));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("offsets.notPreviewed", Messages.of(error)));
        });
    }

    /** Applies the shown preview; the backend refuses while the group has live members (nothing changed). */
    public void reset() {
        Previewed shown = previewed.get();
        if (shown == null) {
            message.set(I18n.t("offsets.previewFirst"));
            return;
        }
        busy.set(true);
        runner.run(() -> client.resetOffsets(shown.group(), shown.request()), result -> {
            busy.set(false);
            previewed.set(null);
            plan.set(lines(result));
            message.set(I18n.t("offsets.applied", shown.group(), shown.request().topic(),
                String.valueOf(toRead(result))));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("offsets.notApplied", Messages.of(error)));
        });
    }

    private OffsetResetRequest request(String name) {
        KafkaTopicView chosen = topic.get();
        if (chosen == null) {
            message.set(I18n.t("topics.chooseFirst"));
            return null;
        }
        if (name.isEmpty()) {
            message.set(I18n.t("offsets.check.group"));
            return null;
        }
        String text = value.get() == null ? "" : value.get().strip();
        try {
            return switch (target.get()) {
                case EARLIEST, LATEST -> new OffsetResetRequest(chosen.name(), target.get(), null, null);
                case TIMESTAMP -> new OffsetResetRequest(chosen.name(), Target.TIMESTAMP, Instant.parse(text), null);
                case OFFSETS -> new OffsetResetRequest(chosen.name(), Target.OFFSETS, null, offsets(text));
            };
        } catch (DateTimeParseException e) {
            message.set(I18n.t("topics.check.time"));
        } catch (IllegalArgumentException e) {
            message.set(I18n.t("offsets.check.offsets"));
        }
        return null;
    }

    /** "0=15, 1=20": partition to offset (the partitions not named stay where they are). */
    static Map<Integer, Long> offsets(String text) {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String pair : text.split("[,\\s]+")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(pair);
            }
            int partition = Integer.parseInt(parts[0].strip());
            long offset = Long.parseLong(parts[1].strip());
            if (partition < 0 || offset < 0 || offsets.put(partition, offset) != null) {
                throw new IllegalArgumentException(pair);
            }
        }
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException(text);
        }
        return offsets;
    }

    private static String lines(OffsetResetPlan result) {
        StringBuilder text = new StringBuilder();
        for (OffsetResetPlan.Move move : result.partitions()) {
            text.append(I18n.t("offsets.move", String.valueOf(move.partition()),
                move.current() == null ? I18n.t("offsets.none") : String.valueOf(move.current()),
                String.valueOf(move.target()), String.valueOf(move.endOffset()), String.valueOf(move.lagAfter())))
                .append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static long toRead(OffsetResetPlan result) {
        return result.partitions().stream().mapToLong(OffsetResetPlan.Move::lagAfter).sum();
    }

    /** The inputs changed: the preview shown is no longer what Reset would do. */
    private void forget() {
        previewed.set(null);
        plan.set("");
    }

    public ObservableList<String> groups() {
        return groups;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty planProperty() {
        return plan;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Whether a preview is shown that Reset would apply. */
    public BooleanBinding previewShown() {
        return previewShown;
    }
}
