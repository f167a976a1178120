package dev.orderly.console.tools;

import dev.orderly.console.alerts.Watch;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.client.RemoteClient;
import dev.orderly.console.load.LoadViewModel;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.settings.SimulatorSettings;
import dev.orderly.console.appearance.Language;
import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.appearance.Theme;
import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.shell.ConsoleShell;
import dev.orderly.console.util.FxTaskRunner;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.OffsetResetRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ShipmentRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders every screen with real data to PNG: starts the console with its in-process backend on free ports and a
 * throw-away data directory, submits orders (completed, shipping, declined, dead-lettered), then captures each
 * screen. Usage: {@code Screenshots <output dir> [ko]} ({@code ko}: every screen in Korean); needs a
 * display (e.g. xvfb-run), and Korean fonts for {@code ko} (Debian's fonts-noto-cjk).
 */
public final class Screenshots {

    private static final String ALICE = "alice@example.com";
    private static final ConsoleFlow[] FLOW = new ConsoleFlow[1];

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("orderly-screenshots");
        int exit = 0;
        try {
            run(out, data, args.length > 1 && args[1].equals("ko"));
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (FLOW[0] != null) {
                FLOW[0].shutdown();
            }
            Platform.exit();
            delete(data);
        }
        System.exit(exit);
    }

    private static void run(Path out, Path data, boolean korean) throws Exception {
        // Orders count as stuck after 5 s here (30 s by default), so the stuck-orders shot needs no long wait.
        System.setProperty("orderly.stuck-after", "5s");
        ConsoleSettings settings = ConsoleSettings.inProcess(data)
            .withSimulator(new SimulatorSettings(30, 120, 0.0, 0.0));
        SettingsStore store = new SettingsStore(data.resolve("console.properties"), settings);
        if (korean) {
            store.saveLanguage(Language.KOREAN);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CompletableFuture<ConsoleShell> shell = new CompletableFuture<>();
        ConsoleFlow[] flow = FLOW;
        onFx(() -> {
            flow[0] = new ConsoleFlow(new Stage(), store, settings, new FxTaskRunner());
            flow[0].onShell(shell::complete);
            flow[0].start();
        });
        Thread.sleep(1200);
        capture(flow[0], out.resolve("01-startup.png"));
        await("sign-in screen", 120, () -> flow[0].client() != null);
        Thread.sleep(500);
        capture(flow[0], out.resolve("02-signin.png"));
        onFx(() -> flow[0].signInDirectly("staff@example.com", "staff-demo"));
        ConsoleShell console = shell.get(60, TimeUnit.SECONDS);

        OrderlyClient staff = flow[0].client();
        String baseUrl = ((RemoteClient) staff).baseUrl();
        long lastCompleted = makeOrders(staff, baseUrl);
        await("pipeline drained", 60, () -> staff.lag().totalLag() == 0 && staff.deadLetters().size() >= 1);
        Thread.sleep(4000);

        onFx(() -> {
            console.ordersTable().select(lastCompleted);
            console.refresh();
        });
        Thread.sleep(2500);
        onFx(() -> console.ordersTable().select(lastCompleted));
        Thread.sleep(1500);
        capture(flow[0], out.resolve("03-orders.png"));
        onFx(() -> console.selectTab("tab-statemachine"));
        Thread.sleep(1200);
        capture(flow[0], out.resolve("04-statemachine.png"));
        onFx(() -> console.selectTab("tab-pipeline"));
        await("chart data", 30, () -> console.model().pipeline().history().size() >= 8);
        // A trainer's rebalance: this backend's consumers stopped and started again, marked on the lag chart.
        onFx(() -> console.model().pipeline().toggleConsumers());
        await("rebalance", 30, () -> !console.model().pipeline().rebalances().isEmpty());
        // The toggle acts on what the screen believes: wait until it knows they stopped, or it stops them again.
        await("consumers stopped", 30, () -> !console.model().pipeline().consumersRunningProperty().get());
        // With no consumer, two payments are accepted and wait: the Stuck card turns red and lists them.
        try (RemoteClient alice = new RemoteClient(baseUrl)) {
            alice.signIn(ALICE, "alice-demo");
            order(alice, "4111111111111111", true, 40);
            order(alice, "4111111111111111", false, 41);
        }
        await("stuck", 60, () -> console.model().pipeline().stuckAlarmProperty().get()
            && console.model().pipeline().stuckRows().stream()
            .filter(r -> r.kind().equals(dev.orderly.console.util.I18n.t("pipeline.stuck.accepted"))).count()
                >= 2);
        Thread.sleep(1500);
        capture(flow[0], out.resolve("18-stuck.png"));
        onFx(() -> console.model().pipeline().toggleConsumers());
        await("owners back", 60, () -> console.model().pipeline().rebalances().size() >= 2
            && console.model().pipeline().partitions().stream().allMatch(p -> p.owner() != null));
        Thread.sleep(2500);
        capture(flow[0], out.resolve("05-pipeline.png"));
        onFx(() -> console.selectTab("tab-deadletters"));
        await("dead letters", 30, () -> !console.model().deadLetters().records().isEmpty());
        onFx(() -> console.model().deadLetters().preview(console.model().deadLetters().records()));
        onFx(() -> console.selectAllDeadLetters());
        await("preview", 30, () -> !console.model().deadLetters().preview().isEmpty());
        Thread.sleep(800);
        capture(flow[0], out.resolve("06-deadletters.png"));
        onFx(() -> console.selectTab("tab-faults"));
        await("checker", 30, () -> !console.model().faults().countsProperty().get().isBlank());
        onFx(() -> console.model().faults().trigger(dev.orderly.model.InjectableFault.SHIPMENT_FAILS));
        Thread.sleep(1500);
        capture(flow[0], out.resolve("07-faults.png"));
        onFx(() -> console.model().faults().disarm());
        onFx(() -> {
            console.selectTab("tab-load");
            console.model().load().presetProperty().set(LoadViewModel.Preset.HUNDRED);
            console.model().load().start();
        });
        await("load run", 180, () -> console.model().load().lastSummaryProperty().get() != null);
        Thread.sleep(800);
        capture(flow[0], out.resolve("08-load.png"));
        // The lesson's step 2: the payment-only teaching mode has left an order paid and unfinished.
        onFx(() -> {
            console.selectTab("tab-lesson");
            console.model().lesson().run(2);
        });
        await("checker red", 60, () -> !console.model().faults().okProperty().get());
        Thread.sleep(1500);
        capture(flow[0], out.resolve("09-lesson.png"));
        onFx(() -> console.model().lesson().reconcile());
        await("checker green", 60, () -> console.model().faults().okProperty().get());
        onFx(() -> console.model().lesson().reset());
        onFx(() -> console.selectTab("tab-audit"));
        await("audit trail", 30, () -> console.model().audit().shownEntries().size() >= 5);
        Thread.sleep(800);
        capture(flow[0], out.resolve("19-audit.png"));
        // Kafka itself: the cluster's topics, the processing topic newest first, one record opened, and a reset of
        // the processing group to ten minutes ago previewed (nothing changed): each partition's move under the bar.
        onFx(() -> console.selectTab("tab-topics"));
        await("topics", 30, () -> console.model().topics().topics().size() >= 4);
        onFx(() -> console.model().topics().topics().stream().filter(t -> t.name().equals("order-processing-topic"))
            .findFirst().ifPresent(t -> console.topicsView().topicTable().getSelectionModel().select(t)));
        await("records", 30, () -> console.model().topics().records().size() > 5);
        onFx(() -> console.topicsView().recordTable().getSelectionModel().select(2));
        onFx(() -> {
            console.model().offsets().targetProperty().set(OffsetResetRequest.Target.TIMESTAMP);
            console.model().offsets().valueProperty().set(Instant.now().minus(Duration.ofMinutes(10))
                .truncatedTo(ChronoUnit.SECONDS).toString());
            console.model().offsets().preview();
        });
        await("reset preview", 30, () -> !console.model().offsets().planProperty().get().isEmpty());
        Thread.sleep(800);
        capture(flow[0], out.resolve("21-topics.png"));
        onFx(() -> console.selectTab("tab-settings"));
        await("shared settings", 30, () -> !console.model().settings().backendSharedProperty().get().isEmpty());
        Thread.sleep(800);
        capture(flow[0], out.resolve("10-settings.png"));
        // The end of Settings: the running backend's shared simulator, who changed it, and where passwords are kept.
        onFx(() -> ((javafx.scene.control.ScrollPane) flow[0].scene().lookup("#settings-view"))
            .setVvalue(1.0));
        Thread.sleep(800);
        capture(flow[0], out.resolve("20-settings-shared.png"));
        // Alerts: a desk watches a customer, dead letters and outages; the customer's new order raises its changes.
        onFx(() -> {
            console.model().alerts().watchCustomer(ALICE);
            console.model().alerts().add(new Watch.DeadLetterWatch());
            console.model().alerts().add(new Watch.OutageWatch());
            console.selectTab("tab-alerts");
        });
        try (RemoteClient alice = new RemoteClient(baseUrl)) {
            alice.signIn(ALICE, "alice-demo");
            order(alice, "4111111111111111", true, 7);
        }
        await("alerts", 60, () -> console.model().alerts().alerts().size() >= 2);
        Thread.sleep(800);
        capture(flow[0], out.resolve("22-alerts.png"));
        if (korean) {
            // Every screen in Korean; the text sizes and the dark theme are the English set's.
            onFx(() -> flow[0].shutdown());
            System.out.println("Korean screenshots written to " + out);
            return;
        }
        // Settings > Text size at its largest (150%): every screen scales, nothing cut short.
        onFx(() -> console.model().settings().textSizeProperty().set(TextSize.LARGEST));
        String[][] largest = {{"tab-orders", "23-orders-largest.png"}, {"tab-lesson", "24-lesson-largest.png"}};
        for (String[] screen : largest) {
            onFx(() -> console.selectTab(screen[0]));
            Thread.sleep(1200);
            capture(flow[0], out.resolve(screen[1]));
        }
        onFx(() -> console.model().settings().textSizeProperty().set(TextSize.NORMAL));
        // The dark theme (Settings > Appearance), on the busiest screens.
        onFx(() -> console.model().settings().themeProperty().set(Theme.DARK));
        Thread.sleep(800);
        capture(flow[0], out.resolve("11-settings-dark.png"));
        String[][] dark = {{"tab-orders", "12-orders-dark.png"}, {"tab-statemachine", "13-statemachine-dark.png"},
            {"tab-pipeline", "14-pipeline-dark.png"}, {"tab-load", "15-load-dark.png"},
            {"tab-faults", "16-faults-dark.png"}, {"tab-lesson", "17-lesson-dark.png"}};
        for (String[] screen : dark) {
            onFx(() -> console.selectTab(screen[0]));
            Thread.sleep(1200);
            capture(flow[0], out.resolve(screen[1]));
        }
        onFx(() -> flow[0].shutdown());
        System.out.println("Screenshots written to " + out);
    }

    /** Alice's orders in every interesting state; returns a completed warehouse order's id. */
    private static long makeOrders(OrderlyClient staff, String baseUrl) {
        long last = -1;
        try (RemoteClient alice = new RemoteClient(baseUrl)) {
            alice.signIn(ALICE, "alice-demo");
            for (int i = 0; i < 14; i++) {
                boolean warehouse = i % 3 != 1;
                String card = i == 5 ? "4000000000000002" : "4111111111111111";
                long id = order(alice, card, warehouse, i);
                if (warehouse && i != 5) {
                    last = id;
                }
            }
            alice.createOrder(new CreateOrderRequest(java.util.List.of(
                new OrderItemRequest("SKU-9", 1, new BigDecimal("9.99")))));
            await("first orders processed", 60, () -> staff.counts().get(OrderStatus.COMPLETED)
                + staff.counts().get(OrderStatus.PREPARING) >= 13);
            GatewaySettingsView normal = staff.gatewaySettings();
            staff.updateGatewaySettings(new GatewaySettingsView(0, 0, 1.0, 0.0));
            order(alice, "4111111111111111", true, 99);
            await("dead letter", 60, () -> staff.deadLetters().size() >= 1);
            staff.updateGatewaySettings(normal);
            long shipped = last;
            await("orders shipped", 60, () -> staff.counts().get(OrderStatus.PREPARING) >= 3);
            for (var summary : staff.orders(OrderStatus.PREPARING, null, 0, 10).content()) {
                staff.transition(summary.orderId(), OrderStatus.SHIPMENT_STARTED);
                break;
            }
            return shipped;
        }
    }

    private static long order(OrderlyClient client, String card, boolean warehouse, int i) {
        BigDecimal price = new BigDecimal("12.50").add(BigDecimal.valueOf(i));
        long id = client.createOrder(new CreateOrderRequest(java.util.List.of(
            new OrderItemRequest("SKU-" + (i % 4 + 1), 2, price))));
        client.pay(id, new PayAndShipmentRequest(new PaymentRequest(PaymentMethod.CARD, card,
            price.multiply(BigDecimal.valueOf(2))), new ShipmentRequest("Alice Kim", "010-1234-5678",
            "1 Main St, Seoul", "04524"), warehouse));
        return id;
    }

    private static void capture(ConsoleFlow flow, Path file) throws Exception {
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        onFx(() -> image.complete(flow.scene().snapshot(null)));
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image.get(10, TimeUnit.SECONDS), null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("wrote " + file);
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                // not ready yet
            }
        }
        throw new IllegalStateException("gave up waiting for " + what);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
