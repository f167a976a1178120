package dev.orderly.model;

/**
 * Who is signed in ({@code GET /api/me}): the role decides which actions the console offers; {@code instance} is
 * the name of the backend answering ({@code orderly.instance-name}), or null.
 */
public record UserView(String email, String role, String instance) {

    public UserView(String email, String role) {
        this(email, role, null);
    }

    public boolean isStaff() {
        return "STAFF".equals(role);
    }
}
