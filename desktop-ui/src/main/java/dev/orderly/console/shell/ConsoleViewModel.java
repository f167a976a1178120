package dev.orderly.console.shell;

import dev.orderly.console.alerts.AlertsViewModel;
import dev.orderly.console.alerts.WatchStore;
import dev.orderly.console.audit.AuditViewModel;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.deadletters.DeadLettersViewModel;
import dev.orderly.console.topics.OffsetResetViewModel;
import dev.orderly.console.topics.ReplayViewModel;
import dev.orderly.console.topics.TopicsViewModel;
import dev.orderly.console.faults.FaultsViewModel;
import dev.orderly.console.lesson.LessonViewModel;
import dev.orderly.console.load.LoadViewModel;
import dev.orderly.console.orders.OrderDetailViewModel;
import dev.orderly.console.orders.OrderFormViewModel;
import dev.orderly.console.orders.OrdersViewModel;
import dev.orderly.console.orders.SubmissionWatcher;
import dev.orderly.console.pipeline.PipelineViewModel;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.settings.SettingsViewModel;
import dev.orderly.console.statemachine.StateMachineViewModel;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.UserView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The signed-in console's state: owns every screen's view-model, their live subscriptions and the periodic
 * checks (health every 5 s; the invariant checker every 2 s, only while the Faults or Lesson screen is shown),
 * and closes them all. {@link ConsoleShell} only lays out the views of these view-models.
 */
public final class ConsoleViewModel implements AutoCloseable {

    /** The screens whose being shown changes what the console does. */
    public enum Screen {
        ORDERS, STATE_MACHINE, PIPELINE, DEAD_LETTERS, FAULTS, LESSON, LOAD, AUDIT, TOPICS, ALERTS, SETTINGS
    }

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final UserView user;
    private final OrdersViewModel orders;
    private final OrderFormViewModel form;
    private final OrderDetailViewModel detail;
    private final StateMachineViewModel stateMachine;
    private final PipelineViewModel pipeline;
    private final DeadLettersViewModel deadLetters;
    private final TopicsViewModel topics;
    private final OffsetResetViewModel offsets;
    private final ReplayViewModel replay;
    private final FaultsViewModel faults;
    private final SettingsViewModel settings;
    private final LoadViewModel load;
    private final LessonViewModel lesson;
    private final AuditViewModel audit;
    private final SubmissionWatcher watcher;
    private final AlertsViewModel alerts;
    private final List<Runnable> subscriptions = new ArrayList<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "orderly-checks");
        t.setDaemon(true);
        return t;
    });
    private volatile Screen shown = Screen.ORDERS;

    public ConsoleViewModel(OrderlyClient client, TaskRunner runner, UserView user, SettingsStore store,
        ConsoleSettings running, Consumer<SubmissionWatcher.Outcome> notify) {
        this.client = client;
        this.runner = runner;
        this.user = user;
        orders = new OrdersViewModel(client, runner, user);
        form = new OrderFormViewModel(client, runner);
        detail = new OrderDetailViewModel(client, runner, user);
        stateMachine = new StateMachineViewModel(client, runner, user);
        pipeline = new PipelineViewModel(client, runner, user.instance());
        deadLetters = new DeadLettersViewModel(client, runner);
        topics = new TopicsViewModel(client, runner);
        replay = new ReplayViewModel(client, runner);
        offsets = new OffsetResetViewModel(client, runner, topics.topicProperty());
        faults = new FaultsViewModel(client, runner, user.instance());
        settings = new SettingsViewModel(store, running, client, runner, user.isStaff());
        load = new LoadViewModel(client, runner);
        lesson = new LessonViewModel(client, runner);
        audit = new AuditViewModel(client, runner);
        watcher = new SubmissionWatcher(client, runner, notify);
        alerts = new AlertsViewModel(client, runner, new WatchStore(store.file().resolveSibling("alerts.txt")),
            Clock.systemUTC());
        detail.orderProperty().addListener((o, a, order) -> stateMachine.show(order));
    }

    /** Subscribes to the live events, starts the periodic checks and loads everything. */
    public void start() {
        subscriptions.add(orders.listen());
        subscriptions.add(stateMachine.listen());
        subscriptions.add(watcher.listen());
        subscriptions.add(client.onStatusChange(change -> {
            if (change.orderId() == detail.selectedId()) {
                runner.onUi(detail::reload);
            }
        }));
        if (user.isStaff()) {
            subscriptions.add(pipeline.listen());
            subscriptions.add(alerts.listen());
        }
        refresh();
        checks.scheduleWithFixedDelay(pipeline::checkHealth, 0, 5, TimeUnit.SECONDS);
        if (user.isStaff()) {
            checks.scheduleWithFixedDelay(() -> runner.onUi(() -> {
                if (shown == Screen.FAULTS || shown == Screen.LESSON) {
                    faults.refresh();
                }
            }), 0, 2, TimeUnit.SECONDS);
            checks.scheduleWithFixedDelay(() -> runner.onUi(() -> {
                alerts.check();
                alerts.tick();
            }), 1, 3, TimeUnit.SECONDS);
            // The Topics screen's live tail reads what arrived each second while the screen is shown.
            checks.scheduleWithFixedDelay(() -> runner.onUi(() -> {
                if (shown == Screen.TOPICS) {
                    topics.tick();
                }
            }), 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Reloads everything from the backend (F5). */
    public void refresh() {
        orders.load();
        stateMachine.loadCounts();
        pipeline.refresh();
        detail.reload();
    }

    /** An order was submitted from the form: follow it until it is done, and show it. */
    public void submitted(long orderId) {
        watcher.watch(orderId);
        detail.select(orderId);
    }

    /** The view shows {@code screen} now. */
    public void shown(Screen screen) {
        shown = screen;
        if (screen == Screen.DEAD_LETTERS) {
            deadLetters.load();
        } else if (screen == Screen.TOPICS && topics.topics().isEmpty()) {
            topics.loadTopics();
        } else if (screen == Screen.AUDIT) {
            audit.load();
        } else if (screen == Screen.PIPELINE) {
            pipeline.loadStuck();
        } else if (screen == Screen.SETTINGS && user.isStaff()) {
            settings.loadShared();
        }
    }

    public String connection() {
        return client.describe();
    }

    public UserView user() {
        return user;
    }

    public OrdersViewModel orders() {
        return orders;
    }

    public OrderFormViewModel form() {
        return form;
    }

    public OrderDetailViewModel detail() {
        return detail;
    }

    public StateMachineViewModel stateMachine() {
        return stateMachine;
    }

    public PipelineViewModel pipeline() {
        return pipeline;
    }

    public DeadLettersViewModel deadLetters() {
        return deadLetters;
    }

    public TopicsViewModel topics() {
        return topics;
    }

    public OffsetResetViewModel offsets() {
        return offsets;
    }

    public ReplayViewModel replay() {
        return replay;
    }

    public FaultsViewModel faults() {
        return faults;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public LoadViewModel load() {
        return load;
    }

    public LessonViewModel lesson() {
        return lesson;
    }

    public AuditViewModel audit() {
        return audit;
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    @Override
    public void close() {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
        watcher.close();
        load.close();
        checks.shutdownNow();
    }
}
