package dev.orderly.console.topics;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.OffsetResetPlan;
import dev.orderly.model.OffsetResetRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The trainer's replay: the processing group rewound to N minutes ago, so every event since is read again and
 * skipped as a duplicate, nothing charged twice. Previewed first (how many records would be re-read, nothing
 * changed); the replay itself stops this backend's consumers (a group with live members cannot be moved), resets,
 * and starts them again, also when the reset is refused.
 */
public final class ReplayViewModel {

    static final String TOPIC = "order-processing-topic";
    static final String GROUP = "order-processing-group";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
        .withZone(ZoneId.systemDefault());
    /** How long the group may take to empty after the consumers stop (a member leaves at once, normally). */
    private static final int ATTEMPTS = 20;

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final Clock clock;
    private final Duration retryPause;
    private final StringProperty minutes = new SimpleStringProperty("5");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public ReplayViewModel(OrderlyClient client, TaskRunner runner) {
        this(client, runner, Clock.systemUTC(), Duration.ofMillis(500));
    }

    ReplayViewModel(OrderlyClient client, TaskRunner runner, Clock clock, Duration retryPause) {
        this.client = client;
        this.runner = runner;
        this.clock = clock;
        this.retryPause = retryPause;
    }

    /** How many records a replay of the last N minutes would read again; changes nothing. */
    public void preview() {
        OffsetResetRequest request = request();
        if (request == null) {
            return;
        }
        busy.set(true);
        runner.run(() -> client.previewOffsetReset(GROUP, request), plan -> {
            busy.set(false);
            message.set(I18n.t("replay.previewed", TIME.format(request.timestamp()), String.valueOf(again(plan)),
                TOPIC));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("dlt.previewFailed", Messages.of(error)));
        });
    }

    /** Stops the consumers, rewinds the group, starts the consumers again (whatever happened). */
    public void replay() {
        OffsetResetRequest request = request();
        if (request == null) {
            return;
        }
        busy.set(true);
        message.set(I18n.t("replay.rewinding", GROUP));
        runner.run(() -> rewind(request), plan -> {
            busy.set(false);
            message.set(I18n.t("replay.replaying", TIME.format(request.timestamp()), String.valueOf(again(plan))));
        }, error -> {
            busy.set(false);
            message.set(I18n.t("replay.notDone", Messages.of(error)));
        });
    }

    private OffsetResetPlan rewind(OffsetResetRequest request) throws InterruptedException {
        boolean wereRunning = client.consumersRunning();
        client.runConsumers(false);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return client.resetOffsets(GROUP, request);
                } catch (ApiCallException e) {
                    // A member that has not left yet, or another backend's consumers still running.
                    if (e.status() != 409 || attempt >= ATTEMPTS) {
                        throw e;
                    }
                    Thread.sleep(retryPause.toMillis());
                }
            }
        } finally {
            if (wereRunning) {
                client.runConsumers(true);
            }
        }
    }

    private OffsetResetRequest request() {
        int n;
        try {
            n = Integer.parseInt(minutes.get() == null ? "" : minutes.get().strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 7 * 24 * 60) {
            message.set(I18n.t("replay.minutes", String.valueOf(7 * 24 * 60)));
            return null;
        }
        Instant since = clock.instant().minus(Duration.ofMinutes(n));
        return new OffsetResetRequest(TOPIC, OffsetResetRequest.Target.TIMESTAMP, since, null);
    }

    private static long again(OffsetResetPlan plan) {
        return plan.partitions().stream().mapToLong(m -> m.current() == null ? m.lagAfter()
            : Math.max(0, m.current() - m.target())).sum();
    }

    public StringProperty minutesProperty() {
        return minutes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
