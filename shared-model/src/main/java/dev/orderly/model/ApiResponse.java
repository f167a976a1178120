package dev.orderly.model;

/**
 * The one response envelope of the REST API, for successes and errors alike; an error also names its
 * {@link Problem} (a stable code and its values; null on a success), so a client can say it in its user's language.
 */
public record ApiResponse<T>(boolean success, String message, T data, Problem error) {

    public static <T> ApiResponse<T> ok(T data, String message) {
        return new ApiResponse<>(true, message, data, null);
    }

    public static <T> ApiResponse<T> error(Problem problem, String message, T details) {
        return new ApiResponse<>(false, message, details, problem);
    }
}
