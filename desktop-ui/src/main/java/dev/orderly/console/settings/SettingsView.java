package dev.orderly.console.settings;

import dev.orderly.console.appearance.Language;
import dev.orderly.console.appearance.TextSize;
import dev.orderly.console.appearance.Theme;
import dev.orderly.console.util.I18n;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Settings, saved between runs; the screen says which changes need a restart. */
public final class SettingsView extends ScrollPane {

    public SettingsView(SettingsViewModel vm, String file) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.add(section(I18n.t("settings.appearance")), 0, row++, 2, 1);
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().setAll(Theme.values());
        theme.valueProperty().bindBidirectional(vm.themeProperty());
        theme.setId("settings-theme");
        vm.themeProperty().addListener((o, was, chosen) -> {
            if (chosen != null) {
                chosen.apply();
            }
        });
        grid.addRow(row++, new Label(I18n.t("settings.theme")), theme);
        ChoiceBox<TextSize> textSize = new ChoiceBox<>();
        textSize.getItems().setAll(TextSize.values());
        textSize.valueProperty().bindBidirectional(vm.textSizeProperty());
        textSize.setId("settings-text-size");
        vm.textSizeProperty().addListener((o, was, chosen) -> {
            if (chosen != null) {
                chosen.apply();
            }
        });
        Label textSizeLabel = new Label(I18n.t("settings.textSize"));
        textSizeLabel.setLabelFor(textSize);
        grid.addRow(row++, textSizeLabel, textSize);
        ChoiceBox<Language> language = new ChoiceBox<>();
        language.getItems().setAll(Language.values());
        language.valueProperty().bindBidirectional(vm.languageProperty());
        language.setId("settings-language");
        Label languageLabel = new Label(I18n.t("settings.language"));
        languageLabel.setLabelFor(language);
        grid.addRow(row++, languageLabel, language);

        grid.add(section(I18n.t("settings.connection")), 0, row++, 2, 1);
        CheckBox attach = new CheckBox(I18n.t("settings.attach"));
        attach.selectedProperty().bindBidirectional(vm.attachProperty());
        attach.setId("settings-attach");
        grid.add(attach, 0, row++, 2, 1);
        row = text(grid, row, I18n.t("settings.backendUrl"), vm.attachUrlProperty(), "settings-url");
        row = text(grid, row, I18n.t("settings.httpPort"), vm.httpPortProperty(), "settings-http-port");
        row = text(grid, row, I18n.t("settings.dataDir"), vm.dataDirProperty(), "settings-data-dir");
        row = text(grid, row, I18n.t("settings.backendTrust"), vm.backendTrustStoreProperty(), "settings-trust");
        row = secret(grid, row, I18n.t("settings.backendTrustPassword"), vm.backendTrustStorePasswordProperty(),
            "settings-trust-password");

        grid.add(section(I18n.t("settings.database")), 0, row++, 2, 1);
        ToggleGroup databases = new ToggleGroup();
        RadioButton h2 = new RadioButton(I18n.t("settings.h2"));
        RadioButton postgres = new RadioButton(I18n.t("settings.postgres"));
        h2.setToggleGroup(databases);
        postgres.setToggleGroup(databases);
        h2.setId("settings-db-h2");
        postgres.setId("settings-db-postgres");
        postgres.setSelected(vm.postgresProperty().get());
        h2.setSelected(!vm.postgresProperty().get());
        postgres.selectedProperty().addListener((o, was, is) -> vm.postgresProperty().set(is));
        vm.postgresProperty().addListener((o, was, is) -> (is ? postgres : h2).setSelected(true));
        grid.add(new HBox(16, h2, postgres), 0, row++, 2, 1);
        int firstDatabaseRow = row;
        row = text(grid, row, I18n.t("settings.dbUrl"), vm.databaseUrlProperty(), "settings-db-url");
        row = text(grid, row, I18n.t("settings.dbUser"), vm.databaseUserProperty(), "settings-db-user");
        row = secret(grid, row, I18n.t("settings.dbPassword"), vm.databasePasswordProperty(), "settings-db-password");
        grid.getChildren().stream().filter(n -> GridPane.getRowIndex(n) != null
            && GridPane.getRowIndex(n) >= firstDatabaseRow && GridPane.getRowIndex(n) < firstDatabaseRow + 3)
            .forEach(n -> n.disableProperty().bind(vm.postgresProperty().not()));

        grid.add(section(I18n.t("settings.kafka")), 0, row++, 2, 1);
        CheckBox external = new CheckBox(I18n.t("settings.external"));
        external.selectedProperty().bindBidirectional(vm.externalKafkaProperty());
        external.setId("settings-external");
        grid.add(external, 0, row++, 2, 1);
        row = text(grid, row, I18n.t("settings.kafkaPort"), vm.kafkaPortProperty(), "settings-kafka-port");
        row = text(grid, row, I18n.t("settings.bootstrap"), vm.bootstrapServersProperty(), "settings-bootstrap");
        ChoiceBox<String> protocol = new ChoiceBox<>();
        protocol.getItems().setAll("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
        protocol.valueProperty().bindBidirectional(vm.securityProtocolProperty());
        grid.addRow(row++, new Label(I18n.t("settings.protocol")), protocol);
        row = text(grid, row, I18n.t("settings.saslMechanism"), vm.saslMechanismProperty(), "settings-sasl");
        row = text(grid, row, I18n.t("settings.saslUser"), vm.saslUserProperty(), "settings-sasl-user");
        row = secret(grid, row, I18n.t("settings.saslPassword"), vm.saslPasswordProperty(), "settings-sasl-password");
        row = text(grid, row, I18n.t("settings.kafkaTrust"), vm.kafkaTrustStoreProperty(), "settings-kafka-trust");
        row = secret(grid, row, I18n.t("settings.kafkaTrustPassword"), vm.kafkaTrustStorePasswordProperty(),
            "settings-kafka-trust-password");
        row = text(grid, row, I18n.t("settings.kafkaKey"), vm.kafkaKeyStoreProperty(), "settings-kafka-key");
        row = secret(grid, row, I18n.t("settings.kafkaKeyPassword"), vm.kafkaKeyStorePasswordProperty(),
            "settings-kafka-key-password");
        row = text(grid, row, I18n.t("settings.partitions"), vm.topicPartitionsProperty(), "settings-topic-partitions");
        row = text(grid, row, I18n.t("settings.replication"), vm.replicationFactorProperty(),
            "settings-replication");
        row = text(grid, row, I18n.t("settings.minIsr"), vm.minInsyncReplicasProperty(),
            "settings-min-insync");

        grid.add(section(I18n.t("settings.simulator")), 0, row++, 2, 1);
        row = text(grid, row, I18n.t("settings.latencyMin"), vm.latencyMinProperty(), "settings-latency-min");
        row = text(grid, row, I18n.t("settings.latencyMax"), vm.latencyMaxProperty(), "settings-latency-max");
        row = text(grid, row, I18n.t("settings.errorRate"), vm.errorRateProperty(), "settings-error-rate");
        row = text(grid, row, I18n.t("settings.timeoutRate"), vm.timeoutRateProperty(), "settings-timeout-rate");

        Button apply = new Button(I18n.t("settings.apply"));
        apply.setOnAction(e -> vm.applySimulator());
        apply.setId("settings-apply-simulator");
        apply.setDisable(!vm.isStaff());
        Label shared = new Label();
        shared.textProperty().bind(vm.backendSharedProperty());
        shared.setWrapText(true);
        shared.getStyleClass().add("muted");
        shared.setId("settings-backend-shared");
        Label sharedNote = new Label(I18n.t("settings.sharedNote"));
        sharedNote.setWrapText(true);
        sharedNote.getStyleClass().add("muted");
        grid.add(new VBox(4, apply, sharedNote, shared), 0, row++, 2, 1);

        Button save = new Button(I18n.t("settings.save"));
        save.setDefaultButton(false);
        save.setOnAction(e -> vm.save());
        save.setId("settings-save");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setId("settings-message");
        Label where = new Label(I18n.t("settings.savedIn", file, vm.secretsNote()));
        where.setWrapText(true);
        where.getStyleClass().add("muted");
        VBox content = new VBox(10, grid, save, message, where);
        content.setStyle("-fx-padding: 12;");
        setContent(content);
        setFitToWidth(true);
        setId("settings-view");
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.setStyle("-fx-padding: 8 0 0 0;");
        return label;
    }

    /** A masked field: passwords are never shown on screen. */
    private static int secret(GridPane grid, int row, String label, StringProperty property, String id) {
        return field(grid, row, label, property, id, new PasswordField());
    }

    private static int text(GridPane grid, int row, String label, StringProperty property, String id) {
        return field(grid, row, label, property, id, new TextField());
    }

    private static int field(GridPane grid, int row, String label, StringProperty property, String id,
        TextField field) {
        field.textProperty().bindBidirectional(property);
        field.setPrefColumnCount(36);
        field.setId(id);
        grid.addRow(row, new Label(label), field);
        return row + 1;
    }
}
