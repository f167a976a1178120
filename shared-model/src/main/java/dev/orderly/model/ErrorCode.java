package dev.orderly.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stable codes of the API's error answers, each with the names of the values its sentence needs. The backend
 * puts one in every error envelope ({@link Problem}); a client that knows the code says it in its own words, one
 * that does not shows the envelope's English message. A code keeps its meaning and its values once published: a
 * new sentence gets a new code.
 */
public enum ErrorCode {
    // Orders
    ORDER_NOT_FOUND("order"),
    ORDER_NOT_CANCELLABLE("order", "status"),
    ORDER_MOVED_BY_PIPELINE("target"),
    ORDER_MOVE_NOT_ALLOWED("order", "status", "target"),
    ILLEGAL_TRANSITION("status", "target"),
    REFUND_NOT_ALLOWED("order", "status"),
    REFUND_NOT_REQUESTED("order", "status"),
    REFUND_WITHOUT_PAYMENT("order"),
    ORDER_NOT_AWAITING_PAYMENT("order", "status"),
    PAYMENT_AMOUNT_MISMATCH("amount", "total"),
    PAYMENT_IN_PROGRESS("order"),
    CARD_DECLINED("order"),
    ORDER_ALREADY_PROCESSED("order"),
    ORDER_NOT_PROCESSED("order"),
    ORDER_UNPROCESSABLE("order"),
    // Reachability
    QUEUE_UNREACHABLE("order"),
    DATABASE_UNREACHABLE,
    SHUTTING_DOWN,
    SERVER_ERROR("reference"),
    CLUSTER_UNREACHABLE,
    CLUSTER_REFUSED,
    // Kafka explorer
    TOPIC_NOT_FOUND("topic"),
    GROUP_NOT_FOUND("group"),
    GROUP_IN_USE("group"),
    PARTITION_OUT_OF_RANGE("topic", "partition", "last"),
    OFFSET_OUT_OF_RANGE("partition", "offset"),
    TIMESTAMP_IN_FUTURE("timestamp"),
    // Faults
    OUTAGE_NEEDS_EMBEDDED_BROKER,
    OUTAGE_UNDER_WAY("until"),
    // The request itself
    INVALID_REQUEST("fields"),
    INVALID_PARAMETER("name"),
    INVALID_JSON,
    REQUEST_REFUSED("status"),
    BODY_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    NO_SUCH_ENDPOINT("path"),
    METHOD_NOT_ALLOWED("method"),
    IDEMPOTENCY_KEY_INVALID,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_KEY_IN_FLIGHT,
    // Who may ask
    SIGN_IN_REQUIRED,
    SESSION_ENDED,
    WRONG_CREDENTIALS,
    STAFF_ONLY,
    TOO_MANY_SIGN_INS("seconds"),
    TOO_MANY_WRITES("limit"),
    CROSS_ORIGIN_REFUSED,
    UNKNOWN_HOST("host"),
    // Said by the client itself, when no answer came
    BACKEND_UNREACHABLE("url"),
    BACKEND_UNTRUSTED("url"),
    BACKEND_FAILED("url"),
    BACKEND_ANSWER_UNREADABLE("url");

    private final List<String> parameters;

    ErrorCode(String... parameters) {
        this.parameters = List.of(parameters);
    }

    /** The names of the values this code's sentence needs, in the order a translation numbers them. */
    public List<String> parameters() {
        return parameters;
    }

    /** This code with its values, one for each {@link #parameters()} name, in that order. */
    public Problem with(Object... values) {
        return new Problem(name(), Codes.args(name(), parameters, values));
    }

    /** This code, for one whose sentence needs no values. */
    public Problem problem() {
        return with();
    }

    /** The code a problem names, if this side knows it. */
    public static Optional<ErrorCode> of(Problem problem) {
        if (problem == null || problem.code() == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> c.name().equals(problem.code())).findFirst();
    }
}
