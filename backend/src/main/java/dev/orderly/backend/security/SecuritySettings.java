package dev.orderly.backend.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The users who may sign in (HTTP Basic), from configuration, and the host names this backend answers for besides
 * loopback names and IP addresses ({@code orderly.security.allowed-hosts}: a team backend's public name).
 */
@ConfigurationProperties("orderly.security")
@Validated
public record SecuritySettings(@NotEmpty List<@Valid User> users, List<@NotBlank String> allowedHosts) {

    public SecuritySettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** The demo passwords of the README: never acceptable beyond loopback. */
    static final List<String> DEMO_PASSWORDS = List.of("alice-demo", "staff-demo");

    /** A configured user. */
    public record User(@NotBlank String email, @NotBlank String password, @NotNull Role role) {

        @Override
        public String toString() {
            return "User[" + email + ", " + role + "]";
        }
    }

    boolean usesDemoPasswords() {
        return users.stream().anyMatch(u -> DEMO_PASSWORDS.contains(u.password()));
    }
}
