package dev.orderly.backend.security;

import dev.orderly.backend.InstanceName;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.SessionView;
import dev.orderly.model.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signs in once: the password (HTTP Basic) or a still-valid token in, a session token out. */
@RestController
class SessionController {

    private final SessionTokens tokens;
    private final InstanceName instance;

    SessionController(SessionTokens tokens, InstanceName instance) {
        this.tokens = tokens;
        this.instance = instance;
    }

    @PostMapping("/api/session")
    ApiResponse<SessionView> signIn(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        SessionTokens.Issued issued = tokens.issue(user);
        return ApiResponse.ok(new SessionView(new UserView(user.email(), user.role().name(), instance.value()),
            issued.token(), issued.expiresAt()), "Signed in as " + user.email() + " on " + instance.value()
            + "; send the token as 'Authorization: Bearer' until " + issued.expiresAt());
    }
}
