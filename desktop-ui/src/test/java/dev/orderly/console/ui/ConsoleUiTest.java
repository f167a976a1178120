package dev.orderly.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.RecordQuery;
import dev.orderly.console.topics.StartAt;
import dev.orderly.console.orders.OrderRow;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.settings.SimulatorSettings;
import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.appearance.Theme;
import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.shell.ConsoleShell;
import dev.orderly.console.shell.ConsoleViewModel;
import dev.orderly.console.util.FxTaskRunner;
import dev.orderly.model.AuditAction;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.InjectableFault;
import dev.orderly.model.KafkaRecordView;
import dev.orderly.model.KafkaTopicView;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderView;
import dev.orderly.model.ProcessingMode;
import dev.orderly.model.TimelineEntry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.chart.Chart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console driven like a person would, against its real in-process backend (embedded Kafka, H2 file, HTTP):
 * the window starts, staff sign in, and each test works through the real screens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUiTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Path dataDir;
    private static ConsoleFlow flow;
    private static ConsoleShell shell;

    @BeforeAll
    static void startConsole() throws Exception {
        dataDir = Files.createTempDirectory("orderly-ui-test");
        ConsoleSettings settings = ConsoleSettings.inProcess(dataDir)
            .withSimulator(new SimulatorSettings(0, 20, 0.0, 0.0));
        SettingsStore store = new SettingsStore(dataDir.resolve("console.properties"), settings);
        CompletableFuture<ConsoleShell> signedIn = new CompletableFuture<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            flow = new ConsoleFlow(stage, store, settings, new FxTaskRunner());
            flow.onShell(signedIn::complete);
            flow.start();
        });
        FxRobot robot = new FxRobot();
        // Signed in with the Enter key (the form's default button): part of the keyboard-only order flow.
        UiWait.pressWhenReady(robot, "#signin-button", KeyCode.ENTER, WAIT);
        shell = signedIn.get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        await().atMost(WAIT).until(() -> robot.lookup("#form-submit").tryQuery().isPresent());
    }

    @AfterAll
    static void stopConsole() throws Exception {
        FxToolkit.setupFixture(() -> flow.shutdown());
        FxToolkit.cleanupStages();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void showTab(String id) {
        interact(() -> shell.selectTab(id));
    }

    private Node byId(String id) {
        return lookup(n -> id.equals(n.getId())).query();
    }

    private long completedCount() {
        return Long.parseLong(UiWait.textOf(this, "#count-COMPLETED"));
    }

    private OrderStatus statusOf(long orderId) {
        OrderRow row = shell.model().orders().row(orderId);
        return row == null ? null : row.statusProperty().get();
    }

    /** Waits for the table row; on time-out says what the row and the backend each hold. */
    private void awaitStatus(long orderId, OrderStatus expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(statusOf(orderId))
            .as("row of order %d (backend says %s, rows %d)", orderId, flow.client().order(orderId).status(),
                shell.model().orders().allRows().size())
            .isEqualTo(expected));
    }

    private long submitThroughTheForm(boolean warehouse) {
        interact(() -> lookup("#form-warehouse").<CheckBox>query().setSelected(warehouse));
        long before = shell.model().detail().selectedId();
        UiWait.clickWhenReady(this, "#form-submit", WAIT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(shell.model().detail().selectedId())
            .as("form says: %s", UiWait.textOf(this, "#form-message")).isNotEqualTo(before));
        return shell.model().detail().selectedId();
    }

    @Test
    @Order(1)
    void aSubmittedOrderReachesCompletedInTheTableAndTheDiagram() {
        showTab("tab-statemachine");
        long completedBefore = completedCount();
        showTab("tab-orders");

        long orderId = submitThroughTheForm(true);

        awaitStatus(orderId, OrderStatus.COMPLETED);
        showTab("tab-statemachine");
        await().atMost(WAIT).untilAsserted(() -> assertThat(completedCount())
            .as("COMPLETED count; the backend counts %s", flow.client().counts().get(OrderStatus.COMPLETED))
            .isEqualTo(completedBefore + 1));
        assertThat(lookup("#state-COMPLETED").query().getStyleClass()).contains("current");
        showTab("tab-orders");
    }

    @Test
    @Order(2)
    void anInvalidFormShowsItsErrorsAndSendsNothing() {
        int rowsBefore = shell.model().orders().allRows().size();
        interact(() -> {
            lookup("#form-card").<TextField>query().setText("4111111111111112");
            lookup("#form-zip").<TextField>query().setText("");
        });

        assertThat(((Label) byId("error-payment.cardNumber")).getText()).contains("Luhn");
        assertThat(((Label) byId("error-shipment.zipCode")).getText()).contains("zipCode is required");
        assertThat(lookup("#form-submit").<Button>query().isDisabled()).isTrue();
        UiWait.clickWhenReady(this, "#form-submit", WAIT);
        assertThat(shell.model().orders().allRows()).hasSize(rowsBefore);

        interact(() -> {
            lookup("#form-card").<TextField>query().setText("4111111111111111");
            lookup("#form-zip").<TextField>query().setText("04524");
        });
        assertThat(lookup("#form-submit").<Button>query().isDisabled()).isFalse();
    }

    @Test
    @Order(3)
    void staffMoveAPreparedOrderOnWithALegalTransition() {
        long orderId = submitThroughTheForm(false);
        awaitStatus(orderId, OrderStatus.PREPARING);
        interact(() -> shell.ordersTable().select(orderId));
        assertThat(lookup("#move-COMPLETED").tryQuery()).isEmpty();

        UiWait.clickWhenReady(this, "#move-SHIPMENT_STARTED", WAIT);

        awaitStatus(orderId, OrderStatus.SHIPMENT_STARTED);
        await().atMost(WAIT).until(() -> lookup("#move-IN_TRANSIT").tryQuery().isPresent());
    }

    @Test
    @Order(4)
    void aDeadLetterIsPreviewedAndRedrivenToCompletion() {
        OrderlyClient client = flow.client();
        GatewaySettingsView normal = client.gatewaySettings();
        client.updateGatewaySettings(new GatewaySettingsView(0, 0, 1.0, 0.0));
        long orderId = submitThroughTheForm(true);
        await().atMost(WAIT).until(() -> client.deadLetters().stream()
            .anyMatch(d -> d.orderId() != null && d.orderId() == orderId));
        client.updateGatewaySettings(normal);

        showTab("tab-deadletters");
        UiWait.clickWhenReady(this, "#dlt-refresh", WAIT);
        TableView<dev.orderly.model.DeadLetterView> table = lookup("#dlt-table").queryTableView();
        await().atMost(WAIT).until(() -> table.getItems().stream().anyMatch(d -> d.orderId() == orderId));
        interact(() -> table.getItems().stream().filter(d -> d.orderId() == orderId).findFirst()
            .ifPresent(d -> table.getSelectionModel().select(d)));
        UiWait.clickWhenReady(this, "#dlt-preview", WAIT);
        await().atMost(WAIT).until(() -> shell.model().deadLetters().preview().size() == 1);
        assertThat(shell.model().deadLetters().preview().get(0).processable()).isTrue();
        assertThat(statusOf(orderId)).isEqualTo(OrderStatus.PENDING_PAYMENT);

        UiWait.clickWhenReady(this, "#dlt-redrive", WAIT);

        awaitStatus(orderId, OrderStatus.COMPLETED);
        assertThat(shell.model().deadLetters().outcomes().values()).anyMatch(o -> o.startsWith("redriven"));
        showTab("tab-orders");
    }

    @Test
    @Order(6)
    void aTrainerTriggersASeedFailureAndTheOrderRollsBackThenCompletesWithTheCheckerGreen() {
        showTab("tab-faults");
        UiWait.clickWhenReady(this, "#fault-SHIPMENT_FAILS", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#faults-armed")
            .contains("SHIPMENT_FAILS"));
        showTab("tab-orders");

        long orderId = submitThroughTheForm(true);

        awaitStatus(orderId, OrderStatus.COMPLETED);
        assertThat(flow.client().order(orderId).timeline()).extracting(t -> t.kind().name())
            .contains("COMPENSATED", "RETRY_SCHEDULED");
        showTab("tab-faults");
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#faults-armed")
            .equals("No faults armed") && UiWait.textOf(this, "#faults-verdict")
            .equals("All invariants hold"));
        showTab("tab-orders");
    }

    @Test
    @Order(5)
    void thePipelineChartReceivesData() {
        showTab("tab-pipeline");
        await().atMost(WAIT).until(() -> shell.pipelineView().chartPoints() >= 2);
        assertThat(UiWait.textOf(this, "#stat-totals")).contains("dead letters");
        await().atMost(WAIT).until(() -> shell.model().pipeline().partitions().stream()
            .anyMatch(p -> p.owner() != null));

        // The trainer stops this backend's consumers: its partitions lose their owner, and the chart marks it.
        int marksBefore = shell.pipelineView().rebalanceMarks();
        UiWait.clickWhenReady(this, "#toggle-consumers", WAIT);
        try {
            await().atMost(WAIT).until(() -> !shell.model().pipeline().consumersRunningProperty().get());
            await().atMost(WAIT).until(() -> shell.pipelineView().rebalanceMarks() > marksBefore);
            assertThat(UiWait.textOf(this, "#last-rebalance")).contains("-> nobody");
            assertThat(UiWait.textOf(this, "#consumers-message")).contains("stopped");
            // Each group leaves as its consumers stop: the retry group's may follow a sample later.
            await().atMost(WAIT).untilAsserted(() -> assertThat(shell.model().pipeline().partitions())
                .allMatch(p -> p.owner() == null));
        } finally {
            // Started again (also when the checks above failed, so later tests find consumers running).
            UiWait.clickWhenReady(this, "#toggle-consumers", WAIT);
        }
        await().atMost(WAIT).until(() -> shell.model().pipeline().consumersRunningProperty().get());
        await().atMost(WAIT).until(() -> shell.model().pipeline().partitions().stream()
            .filter(p -> p.group().equals("order-processing-group")).allMatch(p -> p.owner() != null));
        assertThat(UiWait.textOf(this, "#last-rebalance")).contains("nobody ->");
        showTab("tab-orders");
    }

    @Test
    @Order(6)
    void theTrainerSetsTheGatewaysErrorRateAndSwitchesToTheSeedsSynchronousMode() {
        showTab("tab-faults");
        await().atMost(WAIT).until(() -> shell.model().faults().controlsLoadedProperty().get());
        interact(() -> lookup("#gateway-errors").<Spinner<Integer>>query().getValueFactory().setValue(20));
        UiWait.clickWhenReady(this, "#gateway-apply", WAIT);
        await().atMost(WAIT).until(() -> flow.client().gatewaySettings().errorRate() == 0.2);
        interact(() -> lookup("#gateway-errors").<Spinner<Integer>>query().getValueFactory().setValue(0));
        UiWait.clickWhenReady(this, "#gateway-apply", WAIT);
        await().atMost(WAIT).until(() -> flow.client().gatewaySettings().errorRate() == 0.0);

        UiWait.clickWhenReady(this, "#processing-synchronous .thumb-area", WAIT);
        await().atMost(WAIT).until(() -> flow.client().processingMode() == ProcessingMode.SYNCHRONOUS);
        showTab("tab-orders");
        long orderId = submitThroughTheForm(true);
        // Done by the time the request answered: the form says so.
        assertThat(flow.client().order(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#form-message")
            .contains("processed synchronously"));

        showTab("tab-faults");
        UiWait.clickWhenReady(this, "#processing-synchronous .thumb-area", WAIT);
        await().atMost(WAIT).until(() -> flow.client().processingMode() == ProcessingMode.KAFKA);
        showTab("tab-orders");
    }

    /**
     * The Load screen, driven through its controls: 200 orders at 50/s against the in-process backend. The progress
     * reaches 100%, and the summary's completed count is what the backend's COMPLETED count grew by.
     */
    @Test
    @Order(7)
    void theLoadScreenRunsTwoHundredOrdersAtFiftyASecondAndItsSummaryMatchesTheBackend() {
        long completedBefore = flow.client().counts().getOrDefault(OrderStatus.COMPLETED, 0L);
        showTab("tab-load");
        interact(() -> {
            lookup("#load-orders").<Spinner<Integer>>query().getValueFactory().setValue(200);
            lookup("#load-rate").<Spinner<Double>>query().getValueFactory().setValue(50.0);
        });
        assertThat(lookup("#load-preset").<ComboBox<?>>query().getValue())
            .hasToString("Custom");
        Node stop = lookup("#load-stop").query();
        UiWait.clickWhenReady(this, "#load-start", WAIT);
        // Watched through the view-model: looking nodes up off the FX thread while the charts redraw is not safe.
        await().atMost(WAIT).until(() -> shell.model().load().runningProperty().get());
        assertThat(stop.isDisabled()).isFalse();
        await().atMost(WAIT).until(() -> shell.model().load().lastSummaryProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stop.isDisabled()).isTrue();

        var summary = shell.model().load().lastSummaryProperty().get();
        assertThat(summary.orders()).isEqualTo(200);
        assertThat(summary.accepted()).isEqualTo(200);
        assertThat(summary.completed()).isEqualTo(200);
        assertThat(summary.unfinished()).isZero();
        assertThat(lookup("#load-progress").<ProgressBar>query().getProgress()).isEqualTo(1.0);
        assertThat(UiWait.textOf(this, "#load-summary")).contains("200 orders", "200 completed", "p99");
        await().atMost(WAIT).untilAsserted(() -> assertThat(flow.client().counts().get(OrderStatus.COMPLETED))
            .isEqualTo(completedBefore + summary.completed()));
        // The charts were drawn from the run's samples.
        assertThat(shell.model().load().samples()).isNotEmpty();
        showTab("tab-orders");
    }

    /** Settings > Appearance: dark restyles the window at once and is remembered; light again afterwards. */
    @Test
    @Order(8)
    void theDarkThemeAppliesAtOnceAndIsRemembered() {
        showTab("tab-settings");
        interact(() -> lookup("#settings-theme").<ChoiceBox<Theme>>query().setValue(Theme.DARK));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.DARK.userAgentStylesheet());
        assertThat(new SettingsStore(dataDir.resolve("console.properties"), ConsoleSettings.defaults(dataDir))
            .theme()).isEqualTo(Theme.DARK);
        interact(() -> lookup("#settings-theme").<ChoiceBox<Theme>>query().setValue(Theme.LIGHT));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.LIGHT.userAgentStylesheet());
        showTab("tab-orders");
    }

    /**
     * The Lesson's step 2, the seed's first attempt as a teaching mode: the checker turns red and names the paid,
     * unfinished order; Reconcile refunds it and the checker turns green; Reset restores the final design.
     */
    @Test
    @Order(9)
    void theLessonsPaymentOnlyStepTurnsTheCheckerRedAndReconcileTurnsItGreen() {
        showTab("tab-lesson");
        await().atMost(WAIT).until(() -> shell.model().faults().okProperty().get());
        UiWait.clickWhenReady(this, "#lesson-step-2", WAIT);
        await().atMost(WAIT).until(() -> flow.client().processingMode() == ProcessingMode.PAYMENT_ONLY);
        await().atMost(WAIT).until(() -> !shell.model().faults().okProperty().get());
        assertThat(shell.model().faults().violations()).extracting(v -> v.name()).contains("paid-but-unfinished");
        String message = shell.model().lesson().messageProperty().get();
        long orderId = Long.parseLong(message.replaceAll(".*Order #(\\d+).*", "$1"));
        assertThat(flow.client().order(orderId).status()).isEqualTo(OrderStatus.PAYMENT_COMPLETED);

        UiWait.clickWhenReady(this, "#lesson-reconcile", WAIT);
        await().atMost(WAIT).until(() -> shell.model().lesson().messageProperty().get().contains("Refunded"));
        assertThat(flow.client().order(orderId).status()).isEqualTo(OrderStatus.REFUNDED);
        await().atMost(WAIT).until(() -> shell.model().faults().okProperty().get());

        UiWait.clickWhenReady(this, "#lesson-reset", WAIT);
        await().atMost(WAIT).until(() -> flow.client().processingMode() == ProcessingMode.KAFKA
            && flow.client().armedFaults().isEmpty());
        showTab("tab-orders");
    }

    /**
     * The Topics screen, as staff would use it after the load run: the cluster's topics listed, the status-event
     * topic opened oldest first, a second page that carries on where the first ended, a record opened in full.
     */
    @Test
    @Order(10)
    void theTopicsScreenPagesATopicAndOpensARecord() {
        showTab("tab-topics");
        TableView<KafkaTopicView> topics = lookup("#topics-table").queryTableView();
        await().atMost(WAIT).until(() -> topics.getItems().stream()
            .anyMatch(t -> t.name().equals("order-status-events") && t.records() > 100));
        interact(() -> lookup("#topics-from").<ComboBox<StartAt>>query().setValue(StartAt.OLDEST));
        interact(() -> lookup("#topics-partition").<TextField>query().setText("0"));
        interact(() -> topics.getItems().stream().filter(t -> t.name().equals("order-status-events")).findFirst()
            .ifPresent(t -> topics.getSelectionModel().select(t)));
        TableView<KafkaRecordView> records = lookup("#topics-records").queryTableView();
        await().atMost(WAIT).until(() -> records.getItems().size() == RecordQuery.PAGE);
        assertThat(records.getItems().get(0).offset()).isZero();
        assertThat(records.getItems().get(RecordQuery.PAGE - 1).offset()).isEqualTo(RecordQuery.PAGE - 1);

        UiWait.clickWhenReady(this, "#topics-next", WAIT);
        await().atMost(WAIT).until(() -> !records.getItems().isEmpty()
            && records.getItems().get(0).offset() == RecordQuery.PAGE);

        KafkaRecordView chosen = records.getItems().get(3);
        interact(() -> records.getSelectionModel().select(3));
        String shown = lookup("#topics-record").<TextArea>query().getText();
        assertThat(shown).contains("order-status-events-0@" + chosen.offset()).contains("key: " + chosen.key())
            .contains("JSON").contains("\"orderId\"");

        // Live: what arrives from now on appears on top as it arrives (here an order created through the API).
        interact(() -> lookup("#topics-partition").<TextField>query().setText(""));
        UiWait.clickWhenReady(this, "#topics-tail", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#topics-message").startsWith("Live: "));
        long created = flow.client().createOrder(new CreateOrderRequest(List.of(
            new OrderItemRequest("SKU-2", 1, new BigDecimal("30.00")))));
        await().atMost(WAIT).until(() -> UiWait.onFx(() -> records.getItems().stream()
            .anyMatch(r -> r.key().equals(Long.toString(created)) && r.value().contains("\"CREATED\""))));
        assertThat(UiWait.textOf(this, "#topics-message")).matches("Live: \\d+ new records on order-status-events.*");
        UiWait.clickWhenReady(this, "#topics-tail", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#topics-message").startsWith("Live stopped after"));

        // From an order's screen: Follow on Kafka opens this screen on the order's records and its timeline.
        showTab("tab-orders");
        long orderId = submitThroughTheForm(true);
        awaitStatus(orderId, OrderStatus.COMPLETED);
        UiWait.clickWhenReady(this, "#detail-follow-kafka", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#topics-message")
            .startsWith("Order " + orderId + " on Kafka"));
        assertThat(records.getItems()).extracting(KafkaRecordView::topic)
            .contains("order-processing-topic", "order-status-events");
        assertThat(records.getItems()).allMatch(r -> r.key().equals(Long.toString(orderId)));
        assertThat(lookup("#topics-record").<TextArea>query().getText()).contains("timeline ACCEPTED");

        // The trainer's replay, previewed: how many records a replay of the last hour would read again.
        interact(() -> lookup("#replay-minutes").<TextField>query().setText("60"));
        UiWait.clickWhenReady(this, "#replay-preview", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#replay-message").contains("would read"));
        assertThat(UiWait.textOf(this, "#replay-message")).doesNotContain("would read 0 records");

        // A group's offsets reset from the screen: previewed, refused while its consumers run, applied once they
        // are stopped, and in the audit trail.
        interact(() -> topics.getItems().stream().filter(t -> t.name().equals("order-processing-topic"))
            .findFirst().ifPresent(t -> topics.getSelectionModel().select(t)));
        interact(() -> lookup("#offsets-group").<ComboBox<String>>query().setValue("order-processing-group"));
        interact(() -> lookup("#offsets-target").<ComboBox<OffsetResetRequest.Target>>query()
            .setValue(OffsetResetRequest.Target.LATEST));
        UiWait.clickWhenReady(this, "#offsets-preview", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#offsets-message").startsWith("Preview: group"
            + " order-processing-group on order-processing-topic"));
        assertThat(UiWait.textOf(this, "#offsets-plan")).contains("partition 0: ").contains("partition 2: ");
        UiWait.clickWhenReady(this, "#offsets-reset", WAIT);
        await().atMost(WAIT).until(() -> UiWait.textOf(this, "#offsets-message").startsWith("Not reset: "));
        assertThat(UiWait.textOf(this, "#offsets-message")).contains("live member");
        flow.client().runConsumers(false);
        try {
            // The group empties as its member leaves; until then the backend refuses, and a click asks again.
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                UiWait.clickWhenReady(this, "#offsets-reset", WAIT);
                WaitForAsyncUtils.waitForFxEvents();
                return UiWait.textOf(this, "#offsets-message").startsWith("Reset: group order-processing-group");
            });
        } finally {
            flow.client().runConsumers(true);
        }
        assertThat(flow.client().audit(20)).anyMatch(e -> e.action() == AuditAction.OFFSETS_RESET);
        showTab("tab-orders");
    }

    /** The Faults screen's decline button: the next payment is declined, nothing charged, the order stays payable. */
    @Test
    @Order(11)
    void theDeclineButtonDeclinesTheNextPaymentAndTheOrderStaysPayable() {
        showTab("tab-faults");
        interact(() -> lookup("#fault-declines").<Spinner<Integer>>query().getValueFactory().setValue(1));
        UiWait.clickWhenReady(this, "#fault-PAYMENT_DECLINED", WAIT);
        await().atMost(WAIT).until(() -> flow.client().armedFaults().containsKey(InjectableFault.PAYMENT_DECLINED));
        showTab("tab-orders");
        long orderId = submitThroughTheForm(true);
        await().atMost(WAIT).until(() -> flow.client().order(orderId).timeline().stream()
            .anyMatch(t -> t.kind() == TimelineEntry.TimelineKind.ATTEMPT_FAILED
                && t.detail().contains("declined")));
        assertThat(flow.client().order(orderId).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(flow.client().order(orderId).payment()).isNull();
        assertThat(flow.client().armedFaults()).doesNotContainKey(InjectableFault.PAYMENT_DECLINED);
    }

    /**
     * What a screen reader reads where the screen shows no words: every chart says in words what it shows (its
     * bars, or each line's latest value, kept current), every progress bar how far it is, every status dot its
     * state, every count in the diagram what it counts; on every screen.
     */
    @Test
    @Order(12)
    void everyPictureOnEveryScreenHasAccessibleText() {
        for (ConsoleViewModel.Screen screen : ConsoleViewModel.Screen.values()) {
            showTab("tab-" + screen.name().toLowerCase().replace("_", ""));
            WaitForAsyncUtils.waitForFxEvents();
            List<Node> pictures = new ArrayList<>();
            pictures.addAll(lookup(n -> n instanceof Chart || n instanceof ProgressIndicator).queryAll());
            // Orderly's status dots (labels); a radio button's own dot is part of a control that has its text.
            pictures.addAll(lookup(n -> n instanceof Label && n.getStyleClass().contains("dot")).queryAll());
            pictures.addAll(lookup(n -> n.getId() != null && n.getId().startsWith("count-")).queryAll());
            assertThat(pictures).as("on the %s screen", screen).allSatisfy(node -> assertThat(node.getAccessibleText())
                .as("%s %s", node.getClass().getSimpleName(), node.getId()).isNotBlank());
        }
        showTab("tab-pipeline");
        // The lag chart names its bars and their lag, the diagram's counts what they count.
        await().atMost(WAIT).until(() -> byId("lag-bars").getAccessibleText().contains("processing p0"));
        assertThat(lookup("#count-COMPLETED").<Label>query().getAccessibleText())
            .isEqualTo("COMPLETED: " + completedCount() + " orders now");
    }
    /**
     * Settings > Text size at its largest: every screen's text grows by half, widths set in code grow with it, and no
     * button or label on any screen is cut short ("...") for it. Back to normal, the sizes come back.
     */
    @Test
    @Order(13)
    void theLargestTextSizeScalesEveryScreenWithoutCuttingAWordShort() {
        showTab("tab-orders");
        TableColumn<?, ?> idColumn = lookup("#orders-table").<TableView<?>>query().getColumns().get(0);
        double normalWidth = idColumn.getPrefWidth();
        double normalFont = lookup("#form-submit").<Button>query().getFont().getSize();
        showTab("tab-settings");
        interact(() -> lookup("#settings-text-size").<ChoiceBox<TextSize>>query().setValue(TextSize.LARGEST));
        assertThat(new SettingsStore(dataDir.resolve("console.properties"), ConsoleSettings.defaults(dataDir))
            .textSize()).isEqualTo(TextSize.LARGEST);
        try {
            for (ConsoleViewModel.Screen screen : ConsoleViewModel.Screen.values()) {
                showTab("tab-" + screen.name().toLowerCase().replace("_", ""));
                WaitForAsyncUtils.waitForFxEvents();
                List<String> cut = lookup(n -> n instanceof Labeled && shown(n)).<Labeled>queryAll().stream()
                    .filter(ConsoleUiTest::cutShort)
                    .map(l -> l.getClass().getSimpleName() + " '" + l.getText() + "'").toList();
                assertThat(cut).as("cut short on the %s screen", screen).isEmpty();
            }
            showTab("tab-orders");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(lookup("#form-submit").<Button>query().getFont().getSize()).isEqualTo(normalFont * 1.5);
            assertThat(idColumn.getPrefWidth()).isCloseTo(normalWidth * 1.5, within(0.5));
        } finally {
            showTab("tab-settings");
            interact(() -> lookup("#settings-text-size").<ChoiceBox<TextSize>>query().setValue(TextSize.NORMAL));
        }
        showTab("tab-orders");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#form-submit").<Button>query().getFont().getSize()).isEqualTo(normalFont);
        assertThat(idColumn.getPrefWidth()).isCloseTo(normalWidth, within(0.5));
    }

    /**
     * In the scene and visible up to the root; not in a table's cells (long values there are cut on purpose), nor a
     * header text made to give way on a narrow window (the shortcuts, the connection).
     */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n instanceof TableView || n instanceof javafx.scene.control.ListView) {
                return false;
            }
        }
        return node.getScene() != null && !node.getStyleClass().contains("gives-way");
    }

    /** The label's skin shows fewer words than it has (JavaFX's ellipsis). */
    private static boolean cutShort(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return false;
        }
        Node shown = labeled.lookup(".text");
        return shown instanceof Text t && !t.getText().equals(text) && t.getText().endsWith("...");
    }

    /**
     * The order flow with keys alone: Ctrl+1 the Orders screen, Ctrl+N the form, Tab from field to field, Space the
     * check box, Ctrl+Enter submits; the order completes and the detail shows it. (The sign-in before all tests is
     * the Enter key too.)
     */
    @Test
    @Order(14)
    void theOrderFlowNeedsNothingButTheKeyboard() {
        showTab("tab-settings");
        WaitForAsyncUtils.waitForFxEvents();
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".tab-pane").<TabPane>query().getSelectionModel().getSelectedItem().getId())
            .isEqualTo("tab-orders");
        long before = shell.model().detail().selectedId();
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#form-card").<TextField>query().isFocused()).isTrue();
        retype("4111111111111111");
        type(KeyCode.TAB);
        retype("");
        for (String value : List.of("Kim Minji", "010-2222-3333", "12 Sejong-daero, Seoul", "04524")) {
            type(KeyCode.TAB);
            retype(value);
        }
        type(KeyCode.TAB);
        assertThat(lookup("#form-warehouse").<CheckBox>query().isFocused()).isTrue();
        boolean warehouse = lookup("#form-warehouse").<CheckBox>query().isSelected();
        type(KeyCode.SPACE);
        assertThat(lookup("#form-warehouse").<CheckBox>query().isSelected()).isNotEqualTo(warehouse);
        assertThat(lookup("#form-recipient").<TextField>query().getText()).isEqualTo("Kim Minji");
        press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        await().atMost(WAIT).untilAsserted(() -> assertThat(shell.model().detail().selectedId())
            .as("form says: %s", UiWait.textOf(this, "#form-message")).isNotEqualTo(before));
        long orderId = shell.model().detail().selectedId();
        // Held in the warehouse it completes; shipped, the pipeline leaves it PREPARING for the courier.
        awaitStatus(orderId, warehouse ? OrderStatus.PREPARING : OrderStatus.COMPLETED);
        OrderView order = flow.client().order(orderId);
        assertThat(order.shipment().recipient()).isEqualTo("Kim Minji");
        assertThat(order.warehouseStorage()).isEqualTo(!warehouse);
    }

    /** Selects the focused field's text and types over it (Ctrl+A, then the keys). */
    private void retype(String text) {
        press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        if (text.isEmpty()) {
            type(KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
    private List<String> alertTitles() {
        return new ArrayList<>(shell.model().alerts().alerts().stream().map(a -> a.title()).toList());
    }

    /**
     * Alerts, as a support desk uses them: an order watched on the Alerts screen raises every status change that
     * another client (the customer, through the REST API) brings about; the bell counts them until read.
     */
    @Test
    @Order(15)
    void anOrderWatchedRaisesTheChangesAnotherClientCauses() throws Exception {
        String baseUrl = ((dev.orderly.console.client.RemoteClient) flow.client()).baseUrl();
        try (var alice = new dev.orderly.console.client.RemoteClient(baseUrl)) {
            alice.signIn("alice@example.com", "alice-demo");
            long orderId = alice.createOrder(new dev.orderly.model.CreateOrderRequest(List.of(
                new dev.orderly.model.OrderItemRequest("SKU-2", 1, new java.math.BigDecimal("30.00")))));
            showTab("tab-alerts");
            clickOn("#alerts-order").write(Long.toString(orderId));
            clickOn("#alerts-watch-order");
            assertThat(UiWait.textOf(this, "#alerts-message")).startsWith("Watching: Order #" + orderId);
            interact(() -> shell.model().alerts().markAllRead());

            alice.pay(orderId, new dev.orderly.model.PayAndShipmentRequest(new dev.orderly.model.PaymentRequest(
                dev.orderly.model.PaymentMethod.CARD, "4111111111111111", new java.math.BigDecimal("30.00")),
                new dev.orderly.model.ShipmentRequest("Alice Kim", "010-1234-5678", "1 Main St, Seoul", "04524"),
                true));
            await().atMost(WAIT).until(() -> alertTitles().contains("Order #" + orderId + " COMPLETED"));
            assertThat(alertTitles()).contains("Order #" + orderId + " PAYMENT_COMPLETED");
            assertThat(lookup("#header-alerts").<Button>query().getText()).isNotEqualTo("Alerts (0)");
            clickOn("#header-alerts");
            assertThat(lookup("#header-alerts").<Button>query().getText()).isEqualTo("Alerts (0)");
        }
    }

    /** A poison record on the processing topic goes to the dead-letter topic, and the watch on it says so. */
    @Test
    @Order(16)
    void aPoisonRecordRaisesTheDeadLetterAlert() {
        showTab("tab-alerts");
        clickOn("#alerts-watch-dead-letters");
        await().atMost(WAIT).until(() -> shell.model().pipeline().latestProperty().get() != null);
        flow.client().armFault(InjectableFault.POISON_RECORD, 1);
        showTab("tab-orders");
        submitThroughTheForm(true);
        await().atMost(WAIT).until(() -> alertTitles().stream().anyMatch(t -> t.startsWith("Dead letters +")));
        showTab("tab-alerts");
        interact(() -> {
            javafx.scene.control.ListView<?> list = lookup("#alerts-list").query();
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        type(KeyCode.ENTER);
        assertThat(lookup(".tab-pane").<TabPane>query().getSelectionModel().getSelectedItem().getId())
            .isEqualTo("tab-deadletters");
    }

    /** The embedded broker taken away for a few seconds: the outage is raised once, then cleared once. */
    @Test
    @Order(17)
    void stoppingTheBrokerRaisesAndClearsTheOutageAlert() {
        showTab("tab-alerts");
        clickOn("#alerts-watch-outage");
        flow.client().brokerOutage(6);
        await().atMost(WAIT).until(() -> shell.model().alerts().active().contains("Broker down"));
        await().atMost(Duration.ofSeconds(120)).until(() -> shell.model().alerts().active().isEmpty());
        assertThat(alertTitles()).containsSubsequence("Broker back", "Broker down");
        assertThat(UiWait.textOf(this, "#alerts-active")).isEqualTo("Nothing wrong now");
        assertThat(new dev.orderly.console.alerts.WatchStore(dataDir.resolve("alerts.txt")).load()).hasSize(3);
    }
}
