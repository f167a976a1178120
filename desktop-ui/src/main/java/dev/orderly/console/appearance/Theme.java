package dev.orderly.console.appearance;

import dev.orderly.console.util.I18n;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;
import javafx.application.Application;

/**
 * The console's look: AtlantaFX's Primer themes, light or dark. A theme is the application's user-agent stylesheet,
 * so it restyles every window at once; Orderly's own stylesheet takes its colours from the theme's variables.
 */
public enum Theme {
    LIGHT(() -> new PrimerLight().getUserAgentStylesheet()),
    DARK(() -> new PrimerDark().getUserAgentStylesheet());

    private final Supplier<String> stylesheet;

    Theme(Supplier<String> stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The theme saved under {@code name}, or light for anything else. */
    public static Theme named(String name) {
        return Saved.named(Theme.class, name, LIGHT);
    }

    public String userAgentStylesheet() {
        return stylesheet.get();
    }

    /** Makes this the look of every window (FX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet());
    }

    @Override
    public String toString() {
        return I18n.t("theme." + name());
    }
}
