package dev.orderly.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderly.console.support.RecordingClient;
import dev.orderly.console.support.SessionKeyring;
import dev.orderly.console.util.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a desktop keyring answers, the console's passwords live in it, not in any file: against a real Secret
 * Service (GNOME Keyring on a private session bus). {@code ./run-tests} installs the packages, so this never skips
 * there.
 */
class SecretKeyringTest {

    @TempDir
    Path dir;

    private SessionKeyring session;

    @BeforeEach
    void startAKeyring() throws Exception {
        assertThat(SessionKeyring.installed()).as("dbus-daemon, gnome-keyring and secret-tool (see ./run-tests)")
            .isTrue();
        session = SessionKeyring.start(dir.resolve("keyring-home"));
        // The keyring is ready once it answers on the bus.
        await().atMost(Duration.ofSeconds(20)).until(() -> new SecretKeyring("probe", session.environment())
            .available());
    }

    @AfterEach
    void stopIt() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void passwordsGoToTheKeyringAndComeBackAndNoFileHoldsThem() throws Exception {
        Path file = dir.resolve("console.properties");
        SettingsStore store = SettingsStore.forConsole(file, ConsoleSettings.defaults(dir), session.environment());
        assertThat(store.secrets()).isInstanceOf(SecretKeyring.class);
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), new RecordingClient(),
            new DirectTaskRunner(), true);
        assertThat(vm.secretsNote()).contains("keyring");
        vm.postgresProperty().set(true);
        vm.databaseUrlProperty().set("jdbc:postgresql://db.example:5432/orderly");
        vm.databaseUserProperty().set("orderly");
        vm.databasePasswordProperty().set("keyring-s3cret");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Saved.");

        assertThat(Files.readString(file)).doesNotContain("keyring-s3cret");
        assertThat(dir.resolve("secrets.properties")).doesNotExist();
        SettingsStore restarted = SettingsStore.forConsole(file, ConsoleSettings.defaults(dir),
            session.environment());
        assertThat(restarted.load().database().password()).isEqualTo("keyring-s3cret");
        assertThat(new SecretKeyring("another console", session.environment()).read())
            .as("each settings file has its own passwords").isEmpty();
    }

    @Test
    void passwordsFromAnOwnerOnlyFileAreMovedIntoTheKeyring() throws Exception {
        Path file = dir.resolve("console.properties");
        Properties old = new Properties();
        old.setProperty("databasePassword", "from-the-file");
        new SecretFile(dir.resolve("secrets.properties")).write(old);
        SettingsStore store = SettingsStore.forConsole(file, ConsoleSettings.defaults(dir), session.environment());
        assertThat(dir.resolve("secrets.properties")).doesNotExist();
        assertThat(store.secrets().read().getProperty("databasePassword")).isEqualTo("from-the-file");
    }

    @Test
    void withoutASessionBusTheOwnerOnlyFileIsUsed() {
        SecretStore chosen = SecretStore.choose(dir.resolve("secrets.properties"), "x", Map.of("PATH", "/usr/bin"));
        assertThat(chosen).isInstanceOf(SecretFile.class);
        assertThat(chosen.describe()).contains("readable by your user only");
    }
}
