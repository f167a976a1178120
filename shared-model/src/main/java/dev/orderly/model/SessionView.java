package dev.orderly.model;

import java.time.Instant;

/**
 * A signed-in session ({@code POST /api/session}): who signed in, and the token to send instead of the password
 * ({@code Authorization: Bearer <token>}) until {@code expiresAt}. Its text form never shows the token.
 */
public record SessionView(UserView user, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "SessionView[" + user + ", expires " + expiresAt + "]";
    }
}
