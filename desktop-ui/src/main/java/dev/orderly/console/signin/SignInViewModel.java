package dev.orderly.console.signin;

import dev.orderly.console.client.OrderlyClient;
import dev.orderly.console.util.Messages;
import dev.orderly.console.util.TaskRunner;
import dev.orderly.model.UserView;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Sign-in: pick a demo account or type credentials; the role decides which actions the console offers. */
public final class SignInViewModel {

    /** The README's demo accounts, offered pre-filled. */
    public static final Map<String, String> DEMO_ACCOUNTS = Map.of(
        "alice@example.com", "alice-demo",
        "staff@example.com", "staff-demo");

    private final OrderlyClient client;
    private final TaskRunner runner;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canSignIn;

    public SignInViewModel(OrderlyClient client, TaskRunner runner, String lastUser) {
        this.client = client;
        this.runner = runner;
        email.addListener((obs, old, now) -> {
            String demo = DEMO_ACCOUNTS.get(now == null ? "" : now.strip());
            if (demo != null) {
                password.set(demo);
            }
        });
        email.set(lastUser == null ? "alice@example.com" : lastUser);
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get() && !email.get().isBlank()
            && !password.get().isEmpty(), busy, email, password);
    }

    public List<String> demoAccounts() {
        return List.of("alice@example.com", "staff@example.com");
    }

    public void signIn(Consumer<UserView> onSignedIn) {
        if (!canSignIn.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        String user = email.get().strip();
        String secret = password.get();
        runner.run(() -> client.signIn(user, secret), view -> {
            busy.set(false);
            onSignedIn.accept(view);
        }, failure -> {
            busy.set(false);
            error.set(Messages.of(failure));
        });
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
