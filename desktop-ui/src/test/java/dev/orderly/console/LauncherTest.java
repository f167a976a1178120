package dev.orderly.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A machine without GTK gets one sentence with the install command, not JavaFX's stack trace. */
class LauncherTest {

    @Test
    void aMissingGtkLibraryIsExplainedWithTheInstallCommand() {
        RuntimeException launch = new RuntimeException("Application launch failed",
            new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(Launcher.explain(launch)).contains("GTK 3", "sudo apt-get install -y libgtk-3-0", "--headless")
            .doesNotContain("Exception");
    }

    @Test
    void otherFailuresAreNotDisguised() {
        assertThat(Launcher.explain(new IllegalStateException("something else"))).isNull();
    }
}
