package dev.orderly.model;

/** Who is signed in ({@code GET /api/me}): the role decides which actions the console offers. */
public record UserView(String email, String role) {

    public boolean isStaff() {
        return "STAFF".equals(role);
    }
}
