package dev.orderly.console.load;

import dev.orderly.console.util.I18n;
import dev.orderly.console.client.OrderlyClient;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.OrderStatusChanged;
import dev.orderly.model.OrderView;
import dev.orderly.model.PayAndShipmentRequest;
import dev.orderly.model.PaymentMethod;
import dev.orderly.model.PaymentRequest;
import dev.orderly.model.ShipmentRequest;
import dev.orderly.model.TimelineEntry;
import dev.orderly.model.TimelineEntry.TimelineKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One load run against the backend the console is connected to, through the same API a user calls: the orders are
 * created first (as a shop would, before anyone pays), then paid for at a constant rate, open loop: payment request
 * {@code i} is due at {@code start + i / rate} whether or not earlier ones were answered, and its 202's latency is
 * counted from when it was due, as {@code ./benchmark} does, so a slow backend cannot hide its queue. Orders are done
 * when the live feed says COMPLETED (or CANCELLED); a declined or dead-lettered payment changes no status, so orders
 * the feed has said nothing of for a while are read one by one.
 *
 * <p>Runs on its own threads; the view-model reads {@link #progress()} and takes a {@link #sample()} each second.
 */
public final class LoadRun implements AutoCloseable {

    /** The most orders and the highest rate a run accepts: more is a job for {@code ./benchmark}. */
    public static final int MAX_ORDERS = 100_000;
    public static final double MAX_PER_SECOND = 2_000;
    private static final int SENDERS = 64;
    private static final int PREPARERS = 8;
    /** How long the run waits for the last orders once nothing has moved. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);

    /** What to run. */
    public record Plan(int orders, double perSecond) {

        /** Why the plan cannot run, or null. */
        public String problem() {
            if (orders < 1 || orders > MAX_ORDERS) {
                return I18n.t("load.problem.orders", I18n.number(MAX_ORDERS));
            }
            if (!(perSecond >= 0.1 && perSecond <= MAX_PER_SECOND)) {
                return I18n.t("load.problem.rate", I18n.number(MAX_PER_SECOND, 0));
            }
            return null;
        }
    }

    public enum Phase { PREPARING, SENDING, FINISHING, DONE }

    /** Where a run is, at any moment. */
    public record Progress(Phase phase, int prepared, int sent, int accepted, int rejected, int completed,
        int failed, int orders) {

        /** Accepted and neither completed nor failed yet. */
        public int inFlight() {
            return Math.max(0, accepted - completed - failed);
        }

        /** 0..1: preparing is the first tenth, then orders done (finished, or refused at the door). */
        public double fraction() {
            if (phase == Phase.PREPARING) {
                return 0.1 * prepared / orders;
            }
            return 0.1 + 0.9 * (rejected + completed + failed) / orders;
        }
    }

    /** One second of the run: requests answered 202 and orders finished in it, and its 202 latencies. */
    public record Sample(double atSeconds, double acceptedPerSecond, double finishedPerSecond, int inFlight,
        double p50Millis, double p99Millis) {
    }

    /** How a run ended. */
    public record Summary(int orders, int accepted, int rejected, int completed, int failed, int unfinished,
        double p50Millis, double p99Millis, Duration duration, boolean stopped, String firstError) {
    }

    private final OrderlyClient client;
    private final Plan plan;
    private final ExecutorService senders;
    private final Map<Long, Boolean> done = new ConcurrentHashMap<>();
    private final List<Long> paid = Collections.synchronizedList(new ArrayList<>());
    private final long[] latencies;
    private final ConcurrentLinkedQueue<Long> window = new ConcurrentLinkedQueue<>();
    private final AtomicInteger prepared = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final CompletableFuture<Summary> summary = new CompletableFuture<>();
    private volatile Phase phase = Phase.PREPARING;
    private volatile boolean stopping;
    private volatile long lastMovement = System.nanoTime();
    private Runnable unsubscribe = () -> { };
    private Thread coordinator;
    private long started;
    private long lastSample;
    private int acceptedAtLastSample;
    private int finishedAtLastSample;

    public LoadRun(OrderlyClient client, Plan plan) {
        String problem = plan.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.client = client;
        this.plan = plan;
        this.latencies = new long[plan.orders()];
        this.senders = Executors.newFixedThreadPool(SENDERS, daemons("orderly-load-sender"));
    }

    /** Starts the run on its own thread; {@link #summary()} completes when it is over. */
    public synchronized void start() {
        if (coordinator != null) {
            throw new IllegalStateException("a load run starts once");
        }
        started = System.nanoTime();
        lastSample = started;
        unsubscribe = client.onStatusChange(this::onStatusChange);
        coordinator = daemons("orderly-load-run").newThread(this::run);
        coordinator.start();
    }

    /** Stops sending; what was sent is still counted while it finishes, briefly, then the summary says the rest. */
    public void stop() {
        stopping = true;
        LockSupport.unpark(coordinator);
    }

    public CompletableFuture<Summary> summary() {
        return summary;
    }

    public Progress progress() {
        return new Progress(phase, prepared.get(), sent.get(), accepted.get(), rejected.get(), completed.get(),
            failed.get(), plan.orders());
    }

    /** What happened since the previous sample; called about once a second by one thread. */
    public synchronized Sample sample() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastSample) / 1e9);
        List<Long> latest = new ArrayList<>();
        for (Long latency = window.poll(); latency != null; latency = window.poll()) {
            latest.add(latency);
        }
        long[] sorted = latest.stream().mapToLong(Long::longValue).sorted().toArray();
        int acceptedNow = accepted.get();
        int finishedNow = completed.get() + failed.get();
        Sample sample = new Sample((now - started) / 1e9, (acceptedNow - acceptedAtLastSample) / seconds,
            (finishedNow - finishedAtLastSample) / seconds, progress().inFlight(), millis(sorted, 0.50),
            millis(sorted, 0.99));
        lastSample = now;
        acceptedAtLastSample = acceptedNow;
        finishedAtLastSample = finishedNow;
        return sample;
    }

    private void run() {
        try {
            List<Long> orders = prepare();
            if (!stopping) {
                phase = Phase.SENDING;
                send(orders);
            }
            phase = Phase.FINISHING;
            finish();
        } catch (RuntimeException | Error e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            firstError.compareAndSet(null, cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } finally {
            senders.shutdown();
            phase = Phase.DONE;
            summary.complete(summarize());
        }
    }

    private List<Long> prepare() {
        long[] ids = new long[plan.orders()];
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> preparers = new ArrayList<>();
        for (int p = 0; p < PREPARERS; p++) {
            preparers.add(CompletableFuture.runAsync(() -> {
                for (int i = next.getAndIncrement(); i < ids.length && !stopping; i = next.getAndIncrement()) {
                    ids[i] = client.createOrder(order(i));
                    prepared.incrementAndGet();
                }
            }, senders));
        }
        CompletableFuture.allOf(preparers.toArray(CompletableFuture[]::new)).join();
        List<Long> orders = new ArrayList<>(ids.length);
        Arrays.stream(ids).forEach(orders::add);
        return orders;
    }

    private void send(List<Long> orders) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        double nanosPerOrder = 1e9 / plan.perSecond();
        for (int i = 0; i < orders.size() && !stopping; i++) {
            long due = start + Math.round(i * nanosPerOrder);
            long wait;
            while ((wait = due - System.nanoTime()) > 0 && !stopping) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            if (stopping) {
                break;
            }
            int index = i;
            long orderId = orders.get(i);
            sent.incrementAndGet();
            senders.execute(() -> pay(index, orderId, due));
        }
        senders.shutdown();
        try {
            // Every request sent is answered (or times out in the client) before the run counts what is left.
            while (!senders.awaitTermination(1, TimeUnit.SECONDS)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pay(int index, long orderId, long due) {
        try {
            done.put(orderId, false);
            client.pay(orderId, payment(index));
            long latency = System.nanoTime() - due;
            latencies[index] = latency;
            window.add(latency);
            paid.add(orderId);
            accepted.incrementAndGet();
            moved();
        } catch (RuntimeException e) {
            done.remove(orderId);
            rejected.incrementAndGet();
            firstError.compareAndSet(null, e.getMessage());
        }
    }

    private void onStatusChange(OrderStatusChanged change) {
        if (change.to() == OrderStatus.COMPLETED || change.to() == OrderStatus.CANCELLED) {
            finish(change.orderId(), change.to() == OrderStatus.COMPLETED);
        }
    }

    /** Counts an order once, when it is first known to be over. */
    private void finish(long orderId, boolean success) {
        if (done.replace(orderId, false, true)) {
            (success ? completed : failed).incrementAndGet();
            moved();
        }
    }

    private void moved() {
        lastMovement = System.nanoTime();
    }

    /** Waits until every accepted order is done, reading quiet ones one by one; gives up when nothing moves. */
    private void finish() {
        long stopDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (completed.get() + failed.get() < accepted.get()) {
            long now = System.nanoTime();
            if (now - lastMovement > PATIENCE.toNanos() || (stopping && now > stopDeadline)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            if (System.nanoTime() - lastMovement > QUIET.toNanos()) {
                readQuietOrders();
            }
        }
    }

    /** The live feed says nothing of declined or dead-lettered orders, and may have missed some: ask. */
    private void readQuietOrders() {
        List<Long> open = new ArrayList<>();
        synchronized (paid) {
            for (Long id : paid) {
                if (Boolean.FALSE.equals(done.get(id))) {
                    open.add(id);
                    if (open.size() == 50) {
                        break;
                    }
                }
            }
        }
        for (long id : open) {
            try {
                OrderView order = client.order(id);
                if (order.status() == OrderStatus.COMPLETED || order.status() == OrderStatus.CANCELLED) {
                    finish(id, order.status() == OrderStatus.COMPLETED);
                } else if (order.status() == OrderStatus.PENDING_PAYMENT && failedAttempt(order)) {
                    finish(id, false);
                }
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    private static boolean failedAttempt(OrderView order) {
        List<TimelineEntry> timeline = order.timeline();
        if (timeline.isEmpty()) {
            return false;
        }
        TimelineKind last = timeline.get(timeline.size() - 1).kind();
        return last == TimelineKind.ATTEMPT_FAILED || last == TimelineKind.DEAD_LETTERED;
    }

    private Summary summarize() {
        int answered = accepted.get();
        long[] sorted = new long[answered];
        int n = 0;
        for (long latency : latencies) {
            if (latency > 0 && n < sorted.length) {
                sorted[n++] = latency;
            }
        }
        sorted = Arrays.copyOf(sorted, n);
        Arrays.sort(sorted);
        Progress end = progress();
        return new Summary(plan.orders(), end.accepted(), end.rejected(), end.completed(), end.failed(),
            end.inFlight(), millis(sorted, 0.50), millis(sorted, 0.99),
            Duration.ofNanos(System.nanoTime() - started), stopping, firstError.get());
    }

    static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** An order like the form's default: one line, held in the warehouse, so processing ends it COMPLETED. */
    private static CreateOrderRequest order(int i) {
        return new CreateOrderRequest(List.of(new OrderItemRequest("LOAD-" + (i % 20 + 1), 1, price(i))));
    }

    private static PayAndShipmentRequest payment(int i) {
        return new PayAndShipmentRequest(new PaymentRequest(PaymentMethod.CARD, "4111111111111111", price(i)),
            new ShipmentRequest("Load Test", "010-0000-0000", "1 Test Street", "04524"), true);
    }

    private static BigDecimal price(int i) {
        return new BigDecimal("10.00").add(BigDecimal.valueOf(i % 100));
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the run if it is still going and stops listening to the live feed. */
    @Override
    public void close() {
        stop();
        unsubscribe.run();
        senders.shutdown();
    }
}
