package dev.orderly.console.tools;

import static java.math.BigDecimal.TEN;

import dev.orderly.console.client.RemoteClient;
import dev.orderly.console.settings.ConsoleSettings;
import dev.orderly.console.settings.SettingsStore;
import dev.orderly.console.settings.SimulatorSettings;
import dev.orderly.console.shell.ConsoleFlow;
import dev.orderly.console.shell.ConsoleShell;
import dev.orderly.console.util.FxTaskRunner;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Console responsiveness: cold start to the sign-in screen with the real in-process backend, then 10,000 real
 * orders in the table while status events arrive at 1,000/s (fed to the view-models where live events enter).
 * Counts FX pulses with an {@link AnimationTimer}. Usage: {@code UiBench [orders] [events/s] [seconds]}.
 */
public final class UiBench {

    private static final OrderStatus[] CYCLE = {OrderStatus.CREATED, OrderStatus.PENDING_PAYMENT,
        OrderStatus.PAYMENT_COMPLETED, OrderStatus.IN_WAREHOUSE, OrderStatus.COMPLETED};

    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path data = Files.createTempDirectory("orderly-uibench");
        ConsoleFlow[] flow = new ConsoleFlow[1];
        int exit = 0;
        try {
            run(flow, data, orders, rate, seconds);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (flow[0] != null) {
                flow[0].shutdown();
            }
            Platform.exit();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
        System.exit(exit);
    }

    private static void run(ConsoleFlow[] flow, Path data, int orders, int rate, int seconds) throws Exception {
        ConsoleSettings settings = ConsoleSettings.inProcess(data)
            .withSimulator(new SimulatorSettings(0, 0, 0.0, 0.0));
        SettingsStore store = new SettingsStore(data.resolve("console.properties"), settings);
        long start = System.nanoTime();
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        fx.await();
        CompletableFuture<ConsoleShell> shell = new CompletableFuture<>();
        Platform.runLater(() -> {
            flow[0] = new ConsoleFlow(new Stage(), store, settings, new FxTaskRunner());
            flow[0].onShell(shell::complete);
            flow[0].start();
        });
        while (flow[0] == null || flow[0].client() == null) {
            Thread.sleep(20);
        }
        double coldStart = (System.nanoTime() - start) / 1e9;
        System.err.printf("cold start %.1f s; creating %d orders...%n", coldStart, orders);
        Platform.runLater(() -> flow[0].signInDirectly("staff@example.com", "staff-demo"));
        ConsoleShell console = shell.get(60, TimeUnit.SECONDS);

        long created = System.nanoTime();
        List<Long> ids = createOrders(((RemoteClient) flow[0].client()).baseUrl(), orders);
        double createSeconds = (System.nanoTime() - created) / 1e9;
        System.err.printf("created in %.1f s; loading the table...%n", createSeconds);
        Platform.runLater(console::refresh);
        while (console.model().orders().allRows().size() < orders) {
            Thread.sleep(100);
        }

        System.err.println("table loaded; measuring...");
        FrameMeter idle = FrameMeter.measure(3);
        FrameMeter busy = storm(console, ids, rate, seconds);
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| cold start to sign-in screen (broker + H2 + Spring + window) | %.1f s |%n", coldStart);
        System.out.printf("| orders created over REST for the table | %d in %.1f s |%n", orders, createSeconds);
        System.out.printf("| rows in the table | %d |%n", console.model().orders().allRows().size());
        System.out.printf("| FX frames/s, idle | %.1f (longest gap %d ms) |%n", idle.fps(), idle.maxGapMs());
        System.out.printf("| FX frames/s, %d status events/s for %d s | %.1f (longest gap %d ms, p99 gap %d ms) |%n",
            rate, seconds, busy.fps(), busy.maxGapMs(), busy.p99GapMs());
        System.out.printf("| heap used after GC (console + embedded backend) | %d MiB of %d MiB max |%n",
            heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static List<Long> createOrders(String baseUrl, int count) throws Exception {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (RemoteClient alice = new RemoteClient(baseUrl)) {
            alice.signIn("alice@example.com", "alice-demo");
            CreateOrderRequest order = new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 1,
                new BigDecimal("9.99"))));
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    while (ids.size() < count) {
                        ids.add(alice.createOrder(order));
                    }
                }));
            }
            for (var w : work) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(ids.subList(0, count));
    }

    private static FrameMeter storm(ConsoleShell console, List<Long> ids, int rate, int seconds) throws Exception {
        FrameMeter meter = new FrameMeter();
        meter.start();
        long[] step = new long[ids.size()];
        AtomicLong sent = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        java.util.Random random = new java.util.Random(7);
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - begin) * rate / 1_000_000_000L;
            while (sent.get() < due) {
                int i = random.nextInt(ids.size());
                int from = (int) (step[i] % (CYCLE.length - 1));
                step[i]++;
                OrderStatusChanged change = new OrderStatusChanged(ids.get(i), "alice@example.com", CYCLE[from],
                    CYCLE[from + 1], Instant.now(), "bench", TEN);
                console.model().orders().offer(change);
                console.model().stateMachine().offer(change);
                sent.incrementAndGet();
            }
            Thread.sleep(1);
        }
        meter.stop();
        return meter;
    }

    /** Counts pulses and the gaps between them. */
    private static final class FrameMeter {
        private final List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        private long first;
        private long last;
        private long frames;
        private AnimationTimer timer;

        static FrameMeter measure(int seconds) throws InterruptedException {
            FrameMeter meter = new FrameMeter();
            meter.start();
            Thread.sleep(seconds * 1000L);
            meter.stop();
            return meter;
        }

        void start() {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (frames == 0) {
                        first = now;
                    } else {
                        gaps.add(now - last);
                    }
                    last = now;
                    frames++;
                }
            };
            Platform.runLater(timer::start);
        }

        void stop() throws InterruptedException {
            CountDownLatch stopped = new CountDownLatch(1);
            Platform.runLater(() -> {
                timer.stop();
                stopped.countDown();
            });
            stopped.await();
        }

        double fps() {
            return frames < 2 ? 0 : (frames - 1) / ((last - first) / 1e9);
        }

        long maxGapMs() {
            synchronized (gaps) {
                return gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
            }
        }

        long p99GapMs() {
            synchronized (gaps) {
                List<Long> sorted = new ArrayList<>(gaps);
                Collections.sort(sorted);
                return sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1_000_000;
            }
        }
    }
}
