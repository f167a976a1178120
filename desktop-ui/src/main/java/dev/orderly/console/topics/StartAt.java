package dev.orderly.console.topics;

/** Where the Topics screen's first page starts, as the toolbar offers it. */
public enum StartAt {
    NEWEST("Newest first"), OLDEST("Oldest first"), OFFSET("From offset"), TIME("From time");

    private final String label;

    StartAt(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
