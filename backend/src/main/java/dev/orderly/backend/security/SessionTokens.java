package dev.orderly.backend.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.stereotype.Component;

/**
 * Session tokens: after one password check ({@code POST /api/session}) a client sends
 * {@code Authorization: Bearer <token>} instead of its password, so failed sign-ins by others (which slow the
 * password for a while) never lock it out. Signed JWTs (HS256, Spring Security's resource server and Nimbus) with a
 * key made at start: a restart ends every session and a client signs in again with its password.
 */
@Component
public class SessionTokens {

    static final String ROLES = "roles";

    private final Duration lifetime;
    private final JwtEncoder encoder;
    private final JwtDecoder decoder;

    SessionTokens(AccessSettings settings) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = settings.sessionLifetime();
        this.encoder = NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    /** A token: the token's text and when it expires. */
    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(CurrentUser user) {
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(user.email()).issuedAt(now).expiresAt(expires)
            .claim(ROLES, List.of(user.role().name())).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
        return new Issued(token, expires);
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** The token's subject is the user, its roles claim their role (ROLE_STAFF, ROLE_CUSTOMER). */
    static JwtAuthenticationConverter authentication() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
