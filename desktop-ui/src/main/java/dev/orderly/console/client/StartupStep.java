package dev.orderly.console.client;

/** One component of the in-process backend coming up (or failing to). */
public record StartupStep(Component component, State state, String detail) {

    /** The parts the start-up screen shows, in the order they come up. */
    public enum Component {
        CONFIGURATION("Configuration"), DATABASE("Database (H2 file)"), BROKER("Kafka broker"),
        TOPICS("Kafka topics"), CONSUMERS("Consumers"), HTTP_API("HTTP API");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a component stands. */
    public enum State { WAITING, STARTING, READY, FAILED }
}
