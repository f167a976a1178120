package dev.orderly.backend.security;

import dev.orderly.model.ApiResponse;
import dev.orderly.model.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the credentials belong to: the console's sign-in checks them here. */
@RestController
class MeController {

    @GetMapping("/api/me")
    ApiResponse<UserView> me(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return ApiResponse.ok(new UserView(user.email(), user.role().name()), "Signed in as " + user.email());
    }
}
