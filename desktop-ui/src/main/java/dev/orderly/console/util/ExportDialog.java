package dev.orderly.console.util;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;

/** An "Export CSV..." button: asks where to save (suggesting {@code name} in the home folder) and hands the path on. */
public final class ExportDialog {

    private ExportDialog() {
    }

    public static Button button(String id, String name, Consumer<Path> export) {
        Button button = new Button(I18n.t("export.button"));
        button.setId(id);
        button.setOnAction(e -> {
            Path chosen = choose(button, name);
            if (chosen != null) {
                export.accept(chosen);
            }
        });
        return button;
    }

    private static Path choose(Node owner, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("export.title"));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File home = new File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return file == null ? null : file.toPath();
    }
}
