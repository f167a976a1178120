package dev.orderly.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderly.api.ApiCallException;
import dev.orderly.console.client.RemoteClient;
import dev.orderly.console.support.HeadlessBackend;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.AuditAction;
import dev.orderly.model.AuditEntry;
import dev.orderly.model.CreateOrderRequest;
import dev.orderly.model.GatewaySettingsView;
import dev.orderly.model.OrderItemRequest;
import dev.orderly.model.OrderStatusChanged;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two trainers' consoles attached to one real backend: saving one's own settings never changes the backend's
 * simulator; an explicit Apply does, and the other console sees who did it; both see it in the audit trail; the
 * invariant report they poll is computed once for both.
 */
class TwoConsolesSharedBackendTest {

    private static HeadlessBackend backend;
    private static RemoteClient trainerA;
    private static RemoteClient trainerB;

    @TempDir
    Path dir;

    @BeforeAll
    static void startOneBackendAndAttachTwoConsoles() throws Exception {
        backend = HeadlessBackend.start(Files.createTempDirectory("orderly-two-consoles"),
            HttpClient.newHttpClient(), "http",
            "--orderly.security.users[0].email=trainer-a@example.com",
            "--orderly.security.users[0].password=trainer-a-pass", "--orderly.security.users[0].role=STAFF",
            "--orderly.security.users[1].email=trainer-b@example.com",
            "--orderly.security.users[1].password=trainer-b-pass", "--orderly.security.users[1].role=STAFF");
        trainerA = new RemoteClient(backend.url("http"));
        trainerA.signIn("trainer-a@example.com", "trainer-a-pass");
        trainerB = new RemoteClient(backend.url("http"));
        trainerB.signIn("trainer-b@example.com", "trainer-b-pass");
    }

    @AfterAll
    static void stop() throws Exception {
        if (trainerA != null) {
            trainerA.close();
        }
        if (trainerB != null) {
            trainerB.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private SettingsViewModel console(String name, RemoteClient client) {
        SettingsStore store = new SettingsStore(dir.resolve(name + ".properties"), ConsoleSettings.defaults(dir));
        return new SettingsViewModel(store, store.load(), client, new DirectTaskRunner(), true);
    }

    @Test
    void onlyAnExplicitApplyChangesTheSharedSimulatorAndTheOtherConsoleSeesWhoDidIt() {
        GatewaySettingsView atStart = trainerA.gatewaySettings();
        SettingsViewModel a = console("a", trainerA);
        SettingsViewModel b = console("b", trainerB);

        a.errorRateProperty().set("0.25");
        a.save();
        assertThat(trainerA.gatewaySettings()).as("saving changes nothing on the backend").isEqualTo(atStart);

        a.applySimulator();
        assertThat(a.messageProperty().get()).startsWith("Applied to the running backend");
        assertThat(trainerB.gatewaySettings().errorRate()).isEqualTo(0.25);

        // Trainer B saves her own settings (her stored error rate is 0.0): A's change stands.
        b.latencyMaxProperty().set("300");
        b.save();
        assertThat(trainerB.gatewaySettings().errorRate()).isEqualTo(0.25);
        b.loadShared();
        assertThat(b.backendSharedProperty().get()).contains("error rate 0.25")
            .contains("last changed by trainer-a@example.com");

        List<AuditEntry> changes = trainerB.audit(50).stream()
            .filter(e -> e.action() == AuditAction.GATEWAY_CHANGED).toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).user()).isEqualTo("trainer-a@example.com");
        assertThat(changes.get(0).subject()).contains("error rate 0.25");

        b.errorRateProperty().set("0.0");
        b.applySimulator();
        assertThat(trainerA.sharedSettings().gatewayChanged().user()).isEqualTo("trainer-b@example.com");
        assertThat(trainerA.gatewaySettings().errorRate()).isEqualTo(0.0);
    }

    @Test
    void twoConsolesPollingTheCheckerShareOneReport() {
        int shared = 0;
        for (int i = 0; i < 3; i++) {
            if (trainerA.invariants().at().equals(trainerB.invariants().at())) {
                shared++;
            }
        }
        // One asks right after the other: the same report, unless the pair straddled the moment it went stale.
        assertThat(shared).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStrangersWrongPasswordsNeverLockOutAConsoleThatIsSignedIn() throws Exception {
        List<OrderStatusChanged> seenByA = new CopyOnWriteArrayList<>();
        trainerA.onStatusChange(seenByA::add);
        HttpClient stranger = HttpClient.newHttpClient();
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> guess = stranger.send(HttpRequest.newBuilder(URI.create(backend.url("http")
                + "/api/me")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("trainer-a@example.com:guess-" + i).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(guess.statusCode()).isIn(401, 429);
        }
        // Trainer A's console goes on: reads, writes, and its live feed.
        assertThat(trainerA.orders(null, null, 0, 5).content()).isNotNull();
        long order = trainerB.createOrder(new CreateOrderRequest(List.of(new OrderItemRequest("SKU-1", 1,
            new BigDecimal("5.00")))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> seenByA.stream()
            .anyMatch(c -> c.orderId() == order));
        trainerA.cancel(order);
        // A new sign-in with the password waits: guessing stays slowed.
        RemoteClient another = new RemoteClient(backend.url("http"));
        assertThatThrownBy(() -> another.signIn("trainer-a@example.com", "trainer-a-pass"))
            .isInstanceOf(ApiCallException.class).hasMessageContaining("Too many failed sign-ins");
        another.close();
    }
}
