package dev.orderly.console.topics;

import dev.orderly.console.util.I18n;

/** Where the Topics screen's first page starts, as the toolbar offers it. */
public enum StartAt {
    NEWEST, OLDEST, OFFSET, TIME;

    /** "Newest first", in the user's words. */
    public String label() {
        return I18n.t("topics.start." + name());
    }
}
