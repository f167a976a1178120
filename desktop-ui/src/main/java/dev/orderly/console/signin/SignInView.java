package dev.orderly.console.signin;

import dev.orderly.console.util.I18n;
import dev.orderly.model.UserView;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Pick a demo account or type credentials. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel vm, String backend, Consumer<UserView> onSignedIn) {
        getStyleClass().add("signin");
        Label title = new Label(I18n.t("signin.title"));
        title.getStyleClass().add("startup-title");
        Label where = new Label(backend);
        where.getStyleClass().add("muted");

        ComboBox<String> email = new ComboBox<>();
        email.setEditable(true);
        email.getItems().setAll(vm.demoAccounts());
        email.setMaxWidth(Double.MAX_VALUE);
        email.setId("signin-email");
        email.getEditor().textProperty().bindBidirectional(vm.emailProperty());
        email.valueProperty().addListener((o, a, picked) -> {
            if (picked != null) {
                vm.emailProperty().set(picked);
            }
        });

        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setId("signin-password");

        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setId("signin-error");

        Button signIn = new Button(I18n.t("signin.button"));
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.canSignInProperty().not());
        signIn.setOnAction(e -> vm.signIn(onSignedIn));
        signIn.setId("signin-button");

        Label demo = new Label(I18n.t("signin.demo"));
        demo.getStyleClass().add("muted");
        demo.setWrapText(true);

        VBox card = new VBox(10, title, where, new Label(I18n.t("signin.email")), email,
            new Label(I18n.t("signin.password")), password, error, signIn, demo);
        card.getStyleClass().add("card");
        card.setMaxHeight(USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setId("signin-view");
    }
}
