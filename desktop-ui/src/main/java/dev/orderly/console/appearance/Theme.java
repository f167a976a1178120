package dev.orderly.console.appearance;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Supplier;
import javafx.application.Application;

/**
 * The console's look: AtlantaFX's Primer themes, light or dark. A theme is the application's user-agent stylesheet,
 * so it restyles every window at once; Orderly's own stylesheet takes its colours from the theme's variables.
 */
public enum Theme {
    LIGHT("Light", () -> new PrimerLight().getUserAgentStylesheet()),
    DARK("Dark", () -> new PrimerDark().getUserAgentStylesheet());

    private final String label;
    private final Supplier<String> stylesheet;

    Theme(String label, Supplier<String> stylesheet) {
        this.label = label;
        this.stylesheet = stylesheet;
    }

    /** The theme saved under {@code name}, or light for anything else. */
    public static Theme named(String name) {
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(String.valueOf(name).strip())) {
                return theme;
            }
        }
        return LIGHT;
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
        return label;
    }
}
