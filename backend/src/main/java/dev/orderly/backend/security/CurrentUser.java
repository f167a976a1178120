package dev.orderly.backend.security;

import org.springframework.security.core.Authentication;

/** The signed-in user, as the order features need it. */
public record CurrentUser(String email, Role role) {

    public static CurrentUser of(Authentication authentication) {
        boolean staff = authentication.getAuthorities().stream()
            .anyMatch(a -> ("ROLE_" + Role.STAFF).equals(a.getAuthority()));
        return new CurrentUser(authentication.getName(), staff ? Role.STAFF : Role.CUSTOMER);
    }

    public boolean isStaff() {
        return role == Role.STAFF;
    }

    /** Whether this user may see and act on an order of {@code ownerEmail}. */
    public boolean mayAccess(String ownerEmail) {
        return isStaff() || email.equalsIgnoreCase(ownerEmail);
    }
}
