package dev.orderly.console.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.alerts.AlertsView;
import dev.orderly.console.alerts.AlertsViewModel;
import dev.orderly.console.alerts.WatchStore;
import dev.orderly.console.audit.AuditView;
import dev.orderly.console.client.StartupStep;
import dev.orderly.console.client.StartupStep.Component;
import dev.orderly.console.client.StartupStep.Detail;
import dev.orderly.console.client.StartupStep.State;
import dev.orderly.console.audit.AuditViewModel;
import dev.orderly.console.deadletters.DeadLettersView;
import dev.orderly.console.deadletters.DeadLettersViewModel;
import dev.orderly.console.faults.FaultsView;
import dev.orderly.console.faults.FaultsViewModel;
import dev.orderly.console.lesson.LessonView;
import dev.orderly.console.lesson.LessonViewModel;
import dev.orderly.console.load.LoadView;
import dev.orderly.console.load.LoadViewModel;
import dev.orderly.console.orders.OrderDetailView;
import dev.orderly.console.orders.OrderDetailViewModel;
import dev.orderly.console.orders.OrderFormView;
import dev.orderly.console.orders.OrderFormViewModel;
import dev.orderly.console.orders.OrdersTableView;
import dev.orderly.console.orders.OrdersViewModel;
import dev.orderly.console.pipeline.PipelineView;
import dev.orderly.console.pipeline.PipelineViewModel;
import dev.orderly.console.signin.SignInView;
import dev.orderly.console.signin.SignInViewModel;
import dev.orderly.console.startup.StartupView;
import dev.orderly.console.startup.StartupViewModel;
import dev.orderly.console.statemachine.StateMachineView;
import dev.orderly.console.statemachine.StateMachineViewModel;
import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.topics.OffsetResetViewModel;
import dev.orderly.console.topics.ReplayViewModel;
import dev.orderly.console.topics.TopicsView;
import dev.orderly.console.topics.TopicsViewModel;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.console.util.I18n;
import dev.orderly.model.Note;
import dev.orderly.model.NoteCode;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderView;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import dev.orderly.model.UserView;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screens moved to the bundles, built in Korean: every word they show (labels, buttons, prompts, column titles)
 * is Korean; what is left in Latin letters is data (an address, a URL, an e-mail) or an enum name beside its Korean.
 * A string typed into a screen instead of taken from a bundle fails here.
 */
class KoreanScreensTest extends FxRobot {

    private static final UserView STAFF = new UserView("staff@example.com", "STAFF", "vm#1");

    @BeforeAll
    static void inKorean() throws Exception {
        I18n.use(Locale.KOREAN);
        FxToolkit.registerPrimaryStage();
        RecordingClient client = new RecordingClient();
        DirectTaskRunner runner = new DirectTaskRunner();
        WatchStore watches = new WatchStore(Files.createTempFile("alerts", ".txt"));
        StartupViewModel startup = new StartupViewModel(runner);
        startup.report(new StartupStep(Component.DATABASE, State.READY, Detail.SCHEMA_UP_TO_DATE, ""));
        startup.report(new StartupStep(Component.BROKER, State.STARTING, Detail.STARTING_BROKER, ""));
        // An order whose timeline holds what the backend stored, by code: said in Korean, not as stored.
        client.views.put(7L, orderWithItsTimeline());
        OrderDetailViewModel detail = new OrderDetailViewModel(client, runner, STAFF);
        detail.select(7L);
        // Stacked in one window the size of a screen (the headless screen is that size): their words are read from
        // the nodes, not from pixels.
        FxToolkit.setupSceneRoot(() -> sized(new StackPane(
            new StartupView(startup, () -> { }, () -> { }),
            new SignInView(new SignInViewModel(client, runner, "staff@example.com"), "http://127.0.0.1:8080", u -> { }),
            new OrderFormView(new OrderFormViewModel(client, runner), id -> { }),
            new OrdersTableView(new OrdersViewModel(client, runner, STAFF), id -> { }),
            new OrderDetailView(detail, id -> { }),
            new AlertsView(new AlertsViewModel(client, runner, watches, Clock.systemUTC()), alert -> { }),
            new PipelineView(new PipelineViewModel(client, runner, "backend-1"), id -> { }),
            new DeadLettersView(new DeadLettersViewModel(client, runner)),
            new FaultsView(new FaultsViewModel(client, runner, "backend-1")),
            new LoadView(new LoadViewModel(client, runner)),
            new AuditView(new AuditViewModel(client, runner)),
            new StateMachineView(new StateMachineViewModel(client, runner, STAFF)),
            new LessonView(new LessonViewModel(client, runner), new FaultsViewModel(client, runner, "backend-1"),
                new Region()),
            topicsView(client, runner))));
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TopicsView topicsView(RecordingClient client, DirectTaskRunner runner) {
        TopicsViewModel topics = new TopicsViewModel(client, runner);
        return new TopicsView(topics, new ReplayViewModel(client, runner),
            new OffsetResetViewModel(client, runner, topics.topicProperty()));
    }

    private static OrderView orderWithItsTimeline() {
        Instant at = Instant.parse("2026-12-03T04:00:00Z");
        List<TimelineEntry> timeline = List.of(
            new TimelineEntry(at, TimelineKind.STATUS_CHANGE, OrderStatus.PAYMENT_COMPLETED, OrderStatus.IN_WAREHOUSE,
                "stored at A-01-3 (pipeline)", null, null, null, null, null,
                NoteCode.STORED_AT.with("A-01-3").and(Note.ACTOR, "pipeline")),
            new TimelineEntry(at, TimelineKind.RETRY_SCHEDULED, null, null,
                "attempt failed (gateway timeout); retry 1 of 3 in 500 ms", "e-1", "order-retry-topic", 0, 4L, 1,
                NoteCode.RETRY_SCHEDULED.with("gateway timeout", 1, 3, 500)),
            new TimelineEntry(at, TimelineKind.DUPLICATE_SKIPPED, null, null,
                "skipped by vm#1, already processed (order is COMPLETED, no longer PENDING_PAYMENT)", "e-1",
                "order-processing-topic", 0, 5L, 0,
                NoteCode.DUPLICATE_SKIPPED.with("vm#1", NoteCode.ORDER_MOVED_ON.with(OrderStatus.COMPLETED))));
        return new OrderView(7, "alice@example.com", OrderStatus.IN_WAREHOUSE, "", 80, false, new BigDecimal("25.00"),
            List.of(), new OrderView.PaymentView("auth-1", "1111", new BigDecimal("25.00"), "CAPTURED"), null, true,
            at, at, timeline);
    }

    private static StackPane sized(StackPane pane) {
        pane.setPrefSize(1200, 760);
        pane.setMaxSize(1200, 760);
        return pane;
    }

    @AfterAll
    static void backToEnglish() throws Exception {
        FxToolkit.cleanupStages();
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void everyWordOnTheScreensMovedToTheBundlesIsKorean() {
        List<String> words = new ArrayList<>();
        collect(FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot(), words);
        assertThat(words).hasSizeGreaterThan(20);
        assertThat(words).filteredOn(KoreanScreensTest::english).isEmpty();
        assertThat(words).contains("로그인", "주문 제출", "카드 번호", "모든 상태", "자세히", "주문 감시",
            "멈춘 주문", "재처리 미리 보기", "불변 조건 검사기", "초당 처리", "모든 작업", "주문 따라가기",
            "1단계 실행", "정리하기", "결제 완료", "Orderly를 시작하는 중", "카프카 브로커", "시작 중",
            "스키마 최신", "A-01-3에 보관됨 (pipeline)");
    }

    private static void collect(Node node, List<String> words) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            words.add(labeled.getText());
        }
        if (node instanceof TextInputControl input && input.getPromptText() != null) {
            words.add(input.getPromptText());
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> words.add(c.getText()));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, words));
        }
    }

    /** Words in Latin letters with no Korean beside them, that are not data. */
    private static boolean english(String text) {
        if (text.isBlank() || text.matches(".*[가-힣].*") || text.contains("@") || text.contains("://")) {
            return false;
        }
        return text.matches(".*[A-Za-z]{2,}.*");
    }
}
