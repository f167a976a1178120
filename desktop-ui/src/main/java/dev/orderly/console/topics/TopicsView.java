package dev.orderly.console.topics;

import dev.orderly.console.util.I18n;
import dev.orderly.console.util.Em;
import dev.orderly.model.KafkaRecordView;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OffsetResetRequest.Target;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The cluster's topics on the left; the chosen topic's records, a page at a time, and one record in full. */
public final class TopicsView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
        .withZone(ZoneId.systemDefault());

    private final TableView<KafkaTopicView> topicTable;
    private final TableView<KafkaRecordView> recordTable;

    public TopicsView(TopicsViewModel vm, ReplayViewModel replay, OffsetResetViewModel offsets) {
        topicTable = new TableView<>(vm.topics());
        topicTable.getColumns().setAll(List.of(
            topicColumn(I18n.t("topics.topic"), 13.1, KafkaTopicView::name),
            topicColumn(I18n.t("topics.parts"), 5.4, t -> t.partitions().size()),
            topicColumn(I18n.t("topics.inSync"), 6.2, TopicsView::inSync),
            topicColumn(I18n.t("topics.records"), 5.8, KafkaTopicView::records),
            topicColumn(I18n.t("topics.size"), 5.4, t -> bytes(t.sizeBytes())),
            topicColumn(I18n.t("topics.kept"), 4.6, t -> retention(t.retentionMs())),
            topicColumn(I18n.t("topics.readBy"), 15.4, t -> String.join(", ", t.groups()))));
        topicTable.setPlaceholder(new Label(I18n.t("topics.none")));
        topicTable.setId("topics-table");
        topicTable.getSelectionModel().selectedItemProperty().addListener((o, a, chosen) -> {
            if (chosen != null && chosen != vm.topicProperty().get()) {
                vm.open(chosen);
            }
        });

        Button refresh = new Button(I18n.t("common.refresh"));
        refresh.setId("topics-refresh");
        refresh.setOnAction(e -> vm.loadTopics());
        TextField partition = field("topics-partition", I18n.t("topics.partition.prompt"), 3.8,
            I18n.t("topics.partition.help"));
        partition.textProperty().bindBidirectional(vm.partitionProperty());
        ComboBox<StartAt> from = new ComboBox<>(FXCollections.observableArrayList(StartAt.values()));
        from.setId("topics-from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setConverter(shown(StartAt::label));
        from.setAccessibleText(I18n.t("topics.from.help"));
        TextField position = field("topics-position", I18n.t("topics.position.prompt"), 13.1,
            I18n.t("topics.position.help"));
        position.textProperty().bindBidirectional(vm.positionProperty());
        position.disableProperty().bind(from.valueProperty().isEqualTo(StartAt.NEWEST)
            .or(from.valueProperty().isEqualTo(StartAt.OLDEST)));
        TextField key = field("topics-key", I18n.t("topics.key.prompt"), 6.9, I18n.t("topics.key.help"));
        key.textProperty().bindBidirectional(vm.keyProperty());
        TextField contains = field("topics-contains", I18n.t("topics.contains.prompt"), 10.0,
            I18n.t("topics.contains.help"));
        contains.textProperty().bindBidirectional(vm.containsProperty());
        Button load = new Button(I18n.t("topics.show"));
        load.setId("topics-load");
        load.setOnAction(e -> vm.loadRecords());
        load.disableProperty().bind(vm.topicProperty().isNull().or(vm.busyProperty()));
        Button next = new Button(I18n.t("topics.next"));
        next.setId("topics-next");
        next.setOnAction(e -> vm.nextPage());
        next.disableProperty().bind(vm.morePagesProperty().not().or(vm.busyProperty()));
        ToggleButton live = new ToggleButton(I18n.t("topics.tail"));
        live.setId("topics-tail");
        live.selectedProperty().bindBidirectional(vm.tailingProperty());
        live.disableProperty().bind(vm.topicProperty().isNull());
        live.setTooltip(new Tooltip(I18n.t("topics.tail.help")));
        live.setAccessibleText(I18n.t("topics.tail.help"));
        TextField order = field("topics-order", I18n.t("topics.order.prompt"), 5.4, I18n.t("topics.order.help"));
        order.textProperty().bindBidirectional(vm.followedProperty());
        order.setOnAction(e -> vm.followOrder());
        Button follow = new Button(I18n.t("topics.follow"));
        follow.setId("topics-follow");
        follow.setOnAction(e -> vm.followOrder());
        follow.disableProperty().bind(vm.busyProperty());
        FlowPane toolbar = new FlowPane(6, 6, refresh, new Label(I18n.t("topics.partition")), partition, from,
            position, key, contains,
            load, next, live, new Separator(Orientation.VERTICAL), order, follow);
        toolbar.setStyle("-fx-padding: 0.5em; -fx-alignment: center-left;");

        recordTable = new TableView<>(vm.records());
        recordTable.getColumns().setAll(List.of(
            recordColumn(I18n.t("dlt.partition"), 4.6, KafkaRecordView::partition),
            recordColumn(I18n.t("dlt.offset"), 5.4, KafkaRecordView::offset),
            recordColumn(I18n.t("topics.time"), 7.7, r -> TIME.format(r.timestamp())),
            recordColumn(I18n.t("topics.key"), 6.9, r -> r.key() == null ? I18n.t("topics.noKey") : r.key()),
            recordColumn(I18n.t("topics.value"), 40.0, TopicsView::oneLine)));
        recordTable.setPlaceholder(new Label(I18n.t("topics.choose")));
        recordTable.setId("topics-records");
        recordTable.getSelectionModel().selectedItemProperty().addListener((o, a, record) -> {
            if (record != null) {
                vm.openRecord(record);
            }
        });
        VBox.setVgrow(recordTable, Priority.ALWAYS);

        TextArea detail = new TextArea();
        detail.setEditable(false);
        detail.setId("topics-record");
        detail.setAccessibleText(I18n.t("topics.detail.help"));
        detail.setStyle(I18n.monospaceStyle());
        detail.setPrefRowCount(12);
        detail.textProperty().bind(vm.detailProperty());

        Label message = new Label();
        message.setId("topics-message");
        message.textProperty().bind(vm.messageProperty());

        TextField minutes = field("replay-minutes", "5", 3.5, I18n.t("topics.replay.minutes.help"));
        minutes.textProperty().bindBidirectional(replay.minutesProperty());
        Button previewReplay = new Button(I18n.t("topics.replay.preview"));
        previewReplay.setId("replay-preview");
        previewReplay.setOnAction(e -> replay.preview());
        Button doReplay = new Button(I18n.t("topics.replay"));
        doReplay.setId("replay-run");
        doReplay.setOnAction(e -> replay.replay());
        previewReplay.disableProperty().bind(replay.busyProperty());
        doReplay.disableProperty().bind(replay.busyProperty());
        Label replayMessage = new Label();
        replayMessage.setId("replay-message");
        replayMessage.textProperty().bind(replay.messageProperty());
        FlowPane replayBar = new FlowPane(6, 6, new Label(I18n.t("topics.replay.last")), minutes,
            new Label(I18n.t("topics.replay.minutesOf", ReplayViewModel.TOPIC)), previewReplay,
            doReplay, replayMessage);
        replayBar.setStyle("-fx-padding: 0 0.5em 0 0.5em; -fx-alignment: center-left;");

        VBox resetBar = resetBar(offsets);

        VBox right = new VBox(4, recordTable, new Label(I18n.t("dlt.record")), detail);
        SplitPane split = new SplitPane(topicTable, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.36);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(toolbar, replayBar, resetBar, message, split);
        setSpacing(4);
        setStyle("-fx-padding: 0.3em 0.6em 0.6em 0.6em;");
        setId("topics-view");
    }

    /**
     * A consumer group's offsets on the chosen topic: the group, where to, the time or offsets, Preview reset (the
     * moves, a line per partition, shown under the bar) and Reset (only what was previewed).
     */
    private static VBox resetBar(OffsetResetViewModel offsets) {
        ComboBox<String> group = new ComboBox<>(offsets.groups());
        group.setId("offsets-group");
        group.valueProperty().bindBidirectional(offsets.groupProperty());
        group.setPromptText(I18n.t("offsets.noGroups"));
        Em.width(group, 14.6);
        group.setAccessibleText(I18n.t("offsets.group.help"));
        ComboBox<Target> to = new ComboBox<>(FXCollections.observableArrayList(Target.values()));
        to.setId("offsets-target");
        to.valueProperty().bindBidirectional(offsets.targetProperty());
        to.setConverter(shown(target -> I18n.t("offsets.target." + target.name())));
        to.setAccessibleText(I18n.t("offsets.target.help"));
        TextField value = field("offsets-value", I18n.t("offsets.value.prompt"), 13.1, I18n.t("offsets.value.help"));
        value.textProperty().bindBidirectional(offsets.valueProperty());
        value.disableProperty().bind(to.valueProperty().isEqualTo(Target.EARLIEST)
            .or(to.valueProperty().isEqualTo(Target.LATEST)));
        Button preview = new Button(I18n.t("offsets.preview"));
        preview.setId("offsets-preview");
        preview.setOnAction(e -> offsets.preview());
        preview.disableProperty().bind(offsets.busyProperty());
        Button reset = new Button(I18n.t("offsets.reset"));
        reset.setId("offsets-reset");
        reset.setOnAction(e -> offsets.reset());
        reset.disableProperty().bind(offsets.previewShown().not().or(offsets.busyProperty()));
        Label said = new Label();
        said.setId("offsets-message");
        said.textProperty().bind(offsets.messageProperty());
        FlowPane bar = new FlowPane(6, 6, new Label(I18n.t("offsets.ofGroup")), group, new Label(I18n.t("offsets.to")),
            to, value, preview, reset, said);
        bar.setStyle("-fx-alignment: center-left;");
        Label plan = new Label();
        plan.setId("offsets-plan");
        plan.setStyle(I18n.monospaceStyle() + " -fx-padding: 0 0 0 1em;");
        plan.textProperty().bind(offsets.planProperty());
        plan.visibleProperty().bind(offsets.planProperty().isNotEmpty());
        plan.managedProperty().bind(plan.visibleProperty());
        // Every partition's line, also when the window is short (a label shrinks to one line otherwise).
        plan.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, bar, plan);
        box.setStyle("-fx-padding: 0 0.5em 0 0.5em;");
        return box;
    }

    /** A choice box's items in words (the boxes are not editable: nothing is read back). */
    private static <T> StringConverter<T> shown(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : words.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    public TableView<KafkaRecordView> recordTable() {
        return recordTable;
    }

    public TableView<KafkaTopicView> topicTable() {
        return topicTable;
    }

    private static String oneLine(KafkaRecordView record) {
        if (record.value() == null) {
            return I18n.t("topics.null");
        }
        String line = record.value().replaceAll("\\s+", " ");
        return (record.format() == KafkaRecordView.Format.BINARY ? "0x" : "")
            + (line.length() > 160 ? line.substring(0, 160) + "..." : line);
    }

    /**
     * How well the topic is replicated: the fewest in-sync replicas of any partition over its replicas ("3/3"), or
     * that a partition has no leader (its broker down and no other in sync to take over).
     */
    static String inSync(KafkaTopicView topic) {
        if (topic.partitions().stream().anyMatch(p -> p.leader() == null)) {
            return I18n.t("topics.noLeader");
        }
        int fewest = topic.partitions().stream().mapToInt(p -> p.inSyncReplicas().size()).min().orElse(0);
        int replicas = topic.partitions().stream().mapToInt(p -> p.replicas().size()).max().orElse(0);
        return fewest + "/" + replicas;
    }

    private static String bytes(Long size) {
        if (size == null) {
            return "?";
        }
        return size < 1024 ? size + " B" : size < 1024 * 1024 ? size / 1024 + " KiB" : size / (1024 * 1024) + " MiB";
    }

    private static String retention(Long ms) {
        if (ms == null) {
            return "?";
        }
        if (ms < 0) {
            return I18n.t("topics.forever");
        }
        Duration kept = Duration.ofMillis(ms);
        return kept.toDays() > 0 ? I18n.t("topics.days", String.valueOf(kept.toDays()))
            : I18n.t("topics.hours", String.valueOf(kept.toHours()));
    }

    private static TextField field(String id, String prompt, double ems, String accessible) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        Em.width(field, ems);
        field.setAccessibleText(accessible);
        return field;
    }

    private static TableColumn<KafkaTopicView, Object> topicColumn(String name, double ems,
        Function<KafkaTopicView, Object> value) {
        return column(name, ems, value);
    }

    private static TableColumn<KafkaRecordView, Object> recordColumn(String name, double ems,
        Function<KafkaRecordView, Object> value) {
        return column(name, ems, value);
    }

    private static <R> TableColumn<R, Object> column(String name, double ems, Function<R, Object> value) {
        TableColumn<R, Object> column = new TableColumn<>(name);
        column.setCellValueFactory(c -> new SimpleObjectProperty<>(value.apply(c.getValue())));
        Em.width(column, ems);
        return column;
    }
}
