package dev.orderly.console.appearance;

import dev.orderly.console.util.I18n;
import java.util.Locale;

/** The console's language: the system's (the default), English or Korean; applies at the next start. */
public enum Language {
    SYSTEM("", null),
    ENGLISH("English", Locale.ENGLISH),
    KOREAN("한국어 (Korean)", Locale.KOREAN);

    private final String label;
    private final Locale locale;

    Language(String label, Locale locale) {
        this.label = label;
        this.locale = locale;
    }

    /** The language saved under {@code name}, or the system's for anything else. */
    public static Language named(String name) {
        return Saved.named(Language.class, name, SYSTEM);
    }

    /** The locale whose words the console shows: the system's when none is chosen. */
    public Locale locale() {
        return locale == null ? Locale.getDefault() : locale;
    }

    /** Each language in its own words; the system's in the user's. */
    @Override
    public String toString() {
        return this == SYSTEM ? I18n.t("language.system") : label;
    }
}
