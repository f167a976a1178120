package dev.orderly.backend.support;

import static dev.orderly.backend.support.ApiClient.ALICE;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A customer who keeps ordering and paying, about {@code perSecond} orders a second, through crashes and outages:
 * remembers which orders got a 202 (the promise under test) and which were refused, and counts calls that failed
 * outright (backend down).
 */
public final class OrderStream implements AutoCloseable {

    private final ApiClient api;
    private final long pauseNanos;
    private final List<Long> accepted = new CopyOnWriteArrayList<>();
    private final List<Long> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> outsideTheContract = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private OrderStream(ApiClient api, int perSecond) {
        this.api = api;
        this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.thread = new Thread(this::run, "order-stream");
        this.thread.setDaemon(true);
    }

    public static OrderStream start(ApiClient api, int perSecond) {
        OrderStream stream = new OrderStream(api, perSecond);
        stream.thread.start();
        return stream;
    }

    private void run() {
        while (running.get()) {
            try {
                ApiClient.Answer created = api.create(ALICE);
                note(created);
                if (created.status() != 201) {
                    LockSupport.parkNanos(pauseNanos);
                    continue;
                }
                long order = created.data().get("orderId").asLong();
                ApiClient.Answer answer = api.pay(ALICE, order, "4111111111111111", true);
                note(answer);
                if (answer.status() == 202) {
                    accepted.add(order);
                } else {
                    refused.add(order);
                }
            } catch (RuntimeException backendDown) {
                unreachable.incrementAndGet();
            }
            // Pacing of the load, not synchronisation.
            LockSupport.parkNanos(pauseNanos);
        }
    }

    /** Counts the answer; a 5xx other than a 503 with a sentence is outside the API's contract. */
    private void note(ApiClient.Answer answer) {
        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        if (answer.status() >= 500 && (answer.status() != 503 || sentence(answer).isBlank())) {
            outsideTheContract.add(answer.status() + " " + answer.body());
        }
    }

    private static String sentence(ApiClient.Answer answer) {
        try {
            String message = answer.message();
            return message == null ? "" : message;
        } catch (RuntimeException notAnEnvelope) {
            return "";
        }
    }

    /** How many answers of {@code status} the stream got so far. */
    public int answered(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** How many answers of each status the stream got (creates and payments). */
    public Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Answers no fault may give: a 500, or a 503 without a sentence saying why. */
    public List<String> outsideTheContract() {
        return List.copyOf(outsideTheContract);
    }

    /** Orders that got a 202, in order. */
    public List<Long> accepted() {
        return List.copyOf(accepted);
    }

    /** Orders whose payment request got an answer other than 202 (e.g. 503 while the broker was down). */
    public List<Long> refused() {
        return List.copyOf(refused);
    }

    public int unreachable() {
        return unreachable.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(60));
    }
}
