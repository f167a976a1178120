package dev.orderly.console.alerts;

import dev.orderly.console.util.I18n;
import java.util.Locale;
import java.util.Optional;

/**
 * What a desk asked to be told about. Each kind is a small record; {@link #saved()} and {@link #parse} are the line it
 * is remembered as ({@link WatchStore}), an allow-list of kinds: a line of any other shape is not a watch.
 */
public sealed interface Watch {

    /** The line it is saved as. */
    String saved();

    /** Every status change of one order, whoever submitted it. */
    record OrderWatch(long orderId) implements Watch {
        @Override
        public String saved() {
            return "order:" + orderId;
        }

        @Override
        public String toString() {
            return I18n.t("watch.order", String.valueOf(orderId));
        }
    }

    /** Every status change of one customer's orders. */
    record CustomerWatch(String email) implements Watch {
        public CustomerWatch {
            email = email.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public String saved() {
            return "customer:" + email;
        }

        @Override
        public String toString() {
            return I18n.t("watch.customer", email);
        }
    }

    /** Orders accepted for payment and still without an outcome after {@code seconds}. */
    record StuckWatch(int seconds) implements Watch {
        @Override
        public String saved() {
            return "stuck:" + seconds;
        }

        @Override
        public String toString() {
            return I18n.t("watch.stuck", String.valueOf(seconds));
        }
    }

    /** Lag over {@code records} for {@code seconds} on end. */
    record LagWatch(long records, int seconds) implements Watch {
        @Override
        public String saved() {
            return "lag:" + records + ":" + seconds;
        }

        @Override
        public String toString() {
            return I18n.t("watch.lag", String.valueOf(records), String.valueOf(seconds));
        }
    }

    /** A new record on the dead-letter topic. */
    record DeadLetterWatch() implements Watch {
        @Override
        public String saved() {
            return "dead-letters";
        }

        @Override
        public String toString() {
            return I18n.t("watch.deadLetters");
        }
    }

    /** The broker or the database down, and back. */
    record OutageWatch() implements Watch {
        @Override
        public String saved() {
            return "outage";
        }

        @Override
        public String toString() {
            return I18n.t("watch.outage");
        }
    }

    /** The invariant checker red, and green again. */
    record CheckerWatch() implements Watch {
        @Override
        public String saved() {
            return "checker";
        }

        @Override
        public String toString() {
            return I18n.t("watch.checker");
        }
    }

    /** The watch a saved line holds, or empty for a line that is not one. */
    static Optional<Watch> parse(String line) {
        String[] parts = String.valueOf(line).strip().split(":", -1);
        try {
            return Optional.ofNullable(switch (parts[0]) {
                case "order" -> parts.length == 2 ? new OrderWatch(Long.parseLong(parts[1])) : null;
                case "customer" -> parts.length == 2 && parts[1].contains("@") ? new CustomerWatch(parts[1]) : null;
                case "stuck" -> parts.length == 2 ? new StuckWatch(Integer.parseInt(parts[1])) : null;
                case "lag" -> parts.length == 3 ? new LagWatch(Long.parseLong(parts[1]), Integer.parseInt(parts[2]))
                    : null;
                case "dead-letters" -> parts.length == 1 ? new DeadLetterWatch() : null;
                case "outage" -> parts.length == 1 ? new OutageWatch() : null;
                case "checker" -> parts.length == 1 ? new CheckerWatch() : null;
                default -> null;
            });
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
