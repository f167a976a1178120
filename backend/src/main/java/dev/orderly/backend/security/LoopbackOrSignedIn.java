package dev.orderly.backend.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Open to callers on this machine (loopback), signed-in users only from anywhere else: the API description and
 * Swagger UI, which a developer on the desktop reads without a password, while a backend bound beyond loopback
 * shows them only to its users. Trying a call from Swagger UI still needs credentials (the API itself asks).
 */
final class LoopbackOrSignedIn implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthorizationManager<RequestAuthorizationContext> signedIn =
        AuthenticatedAuthorizationManager.authenticated();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
        RequestAuthorizationContext context) {
        if (isLoopback(context.getRequest().getRemoteAddr())) {
            return new AuthorizationDecision(true);
        }
        return signedIn.authorize(authentication, context);
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address (what the container reports) needs no lookup; a name (configuration) is resolved.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
