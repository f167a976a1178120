package dev.orderly.console.client;

/**
 * One component of the in-process backend coming up (or failing to): what it is doing as a {@link Detail} the
 * start-up screen says in the user's words, with the one value that sentence names (a port, a directory; for a
 * failure the reason itself; empty when none).
 */
public record StartupStep(Component component, State state, Detail detail, String value) {

    public StartupStep {
        value = value == null ? "" : value;
    }

    /** The parts the start-up screen shows, in the order they come up. */
    public enum Component { CONFIGURATION, DATABASE, BROKER, TOPICS, CONSUMERS, HTTP_API }

    /** Where a component stands. */
    public enum State { WAITING, STARTING, READY, FAILED }

    /** What a component is doing, said by the start-up screen ({@code startup.detail.NAME}, the value as {0}). */
    public enum Detail {
        READING_SETTINGS, DATA_IN, PORT_TAKEN, ANSWERING_AT, TOPICS_READY, JOINING_GROUPS, GROUPS_JOINED,
        STARTING_BROKER, BROKER_LISTENING, OPENING_DATABASE, SCHEMA_UP_TO_DATE, CREATING_TOPICS, FAILED
    }
}
