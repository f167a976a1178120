package dev.orderly.bench;

import dev.orderly.api.OrderlyApi;
import dev.orderly.api.OrderlyApi.RunConsumers;
import dev.orderly.api.OrderlyApi.SwitchMode;
import dev.orderly.api.OrderlyApiClient;
import dev.orderly.model.KafkaRecordPage;
import dev.orderly.model.OrderStatus;
import dev.orderly.model.PartitionLag;
import dev.orderly.model.ProcessingMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's REST API as the bench calls it: the requests it measures under load (create, pay, the status read,
 * health) on the JDK's asynchronous HTTP client with their bodies discarded, because the load generator shares the
 * machine with the backend and its own CPU is part of every figure (one pool of 8 threads drives 32 clients in
 * flight); everything else (levers, counts, lag, metrics, the explorer's pages) through the one typed client,
 * {@link OrderlyApi}, signed in as staff.
 */
final class Api {

    static final String ORDER = "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":12.50}]}";
    static final String PAY = """
        {"payment":{"method":"CARD","cardNumber":"4111111111111111","amount":25.00},
         "shipment":{"recipient":"Alice Kim","phone":"010-1234-5678","address":"1 Main St, Seoul","zipCode":"04524"},
         "warehouseStorage":true}""";

    private static final String ALICE = basic("alice@example.com", "alice-demo");
    private static final String STAFF = basic("staff@example.com", "staff-demo");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(8)).build();
    private final String base;
    private final OrderlyApi staff;

    Api(String base) {
        this.base = base;
        this.staff = OrderlyApiClient.connect(base, () -> STAFF, null);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
    }

    long createOrder() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(post("/api/orders", ORDER, ALICE),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("data").get("orderId").asLong();
    }

    List<Long> createOrders(int count, int threads) throws Exception {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    ids.add(createOrder());
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    }

    CompletableFuture<HttpResponse<Void>> payAsync(long orderId) {
        return http.sendAsync(post("/api/orders/" + orderId + "/process-payment-shipment", PAY, ALICE),
            HttpResponse.BodyHandlers.discarding());
    }

    /** The floor: what the web stack costs for one authenticated read of one row, answered as JSON. */
    CompletableFuture<HttpResponse<Void>> statusAsync(long orderId) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/orders/" + orderId + "/status"))
            .timeout(Duration.ofSeconds(60)).header("Authorization", ALICE).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    }

    CompletableFuture<HttpResponse<String>> createAsync() {
        return http.sendAsync(post("/api/orders", ORDER, ALICE), HttpResponse.BodyHandlers.ofString());
    }

    /** The id of the order a create answered with, or -1. */
    long createdId(HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            return -1;
        }
        return json.readTree(created.body()).get("data").get("orderId").asLong();
    }

    /** What a load balancer polls: anonymous, so it gets the components' UP/DOWN only. */
    CompletableFuture<HttpResponse<Void>> healthAsync() {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
            .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Sends an order for processing and waits for the answer; returns the HTTP status. */
    int pay(long orderId) throws IOException, InterruptedException {
        return http.send(post("/api/orders/" + orderId + "/process-payment-shipment", PAY, ALICE),
            HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Stops or starts this backend's order consumers (the accepted events wait on the broker meanwhile). */
    void consumers(boolean running) {
        staff.runConsumers(new RunConsumers(running));
    }

    /** Switches the backend between KAFKA and SYNCHRONOUS (the seed's before). */
    void mode(ProcessingMode mode) {
        staff.switchProcessingMode(new SwitchMode(mode));
    }

    long pendingPayment() {
        return staff.counts().data().getOrDefault(OrderStatus.PENDING_PAYMENT, 0L);
    }

    long totalLag() {
        return staff.lag().data().totalLag();
    }

    /**
     * Waits until no order waits for payment and no consumer lags. Polls every 200 ms: each poll counts every order
     * by status, and at every 50 ms that took 7% of the backend's request-thread time in the profile of the run it
     * was measuring; 200 ms is under 0.5% of a one-minute run.
     */
    void awaitDrained(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (pendingPayment() > 0 || totalLag() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pipeline did not drain within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    /** Waits until this backend owns a partition of the processing group (it has joined and been given work). */
    void awaitOwnsPartitions(int seconds) throws Exception {
        String instance = staff.me(null).data().instance();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            for (PartitionLag row : staff.lag().data().partitions()) {
                if (row.group().equals("order-processing-group") && row.owner() != null
                    && row.owner().startsWith(instance)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(instance + " got no partition within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    long heapUsedBytes() {
        return metric("jvm.memory.used", "area:heap");
    }

    /** Old-generation data still live after the last major collection (what the heap really holds). */
    long liveDataBytes() {
        return metric("jvm.gc.live.data.size", null);
    }

    private long metric(String name, String tag) {
        try {
            return (long) staff.metric(name, tag).get("measurements").get(0).get("value").asDouble();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A page of a topic's records, as the console's Topics screen asks for it. */
    KafkaRecordPage records(String topic, MultiValueMap<String, String> query) {
        return staff.kafkaRecords(topic, query).data();
    }

    private HttpRequest post(String path, String body, String auth) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
            .header("Authorization", auth).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
