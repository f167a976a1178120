package dev.orderly.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.util.DirectTaskRunner;
import dev.orderly.model.UserView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {

    private final RecordingClient client = new RecordingClient();

    @Test
    void prefillsDemoPasswordsAndSignsIn() {
        SignInViewModel vm = new SignInViewModel(client, new DirectTaskRunner(), null);
        vm.emailProperty().set("staff@example.com");
        assertThat(vm.passwordProperty().get()).isEqualTo("staff-demo");
        List<UserView> users = new ArrayList<>();
        vm.signIn(users::add);
        assertThat(users).singleElement().extracting(UserView::isStaff).isEqualTo(true);
    }

    @Test
    void wrongPasswordIsShownAndNothingProceeds() {
        SignInViewModel vm = new SignInViewModel(client, new DirectTaskRunner(), "alice@example.com");
        vm.passwordProperty().set("nope");
        List<UserView> users = new ArrayList<>();
        vm.signIn(users::add);
        assertThat(users).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Wrong e-mail or password");
        vm.passwordProperty().set("");
        assertThat(vm.canSignInProperty().get()).isFalse();
    }
}
