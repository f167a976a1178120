package dev.orderly.backend.security;

import dev.orderly.backend.InstanceName;
import dev.orderly.model.ApiResponse;
import dev.orderly.model.UserView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the credentials belong to: the console's sign-in checks them here. */
@RestController
class MeController {

    private final InstanceName instance;

    MeController(InstanceName instance) {
        this.instance = instance;
    }

    @GetMapping("/api/me")
    ApiResponse<UserView> me(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        return ApiResponse.ok(new UserView(user.email(), user.role().name(), instance.value()),
            "Signed in as " + user.email() + " on " + instance.value());
    }
}
