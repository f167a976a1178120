package dev.orderly.model;

/** The one response envelope of the REST API, for successes and errors alike. */
public record ApiResponse<T>(boolean success, String message, T data) {

    public static <T> ApiResponse<T> ok(T data, String message) {
        return new ApiResponse<>(true, message, data);
    }

    public static <T> ApiResponse<T> error(String message, T details) {
        return new ApiResponse<>(false, message, details);
    }
}
