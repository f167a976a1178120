package dev.orderly.backend.security;

import dev.orderly.backend.web.EnvelopeWriter;
import dev.orderly.model.ErrorCode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/** HTTP Basic over loopback; users from {@link SecuritySettings}; staff-only endpoints. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The configured users. Not Spring's InMemoryUserDetailsManager: that one "upgrades" a plain password to
     * BCrypt after the first sign-in, which then costs ~250 ms of CPU on every HTTP Basic request.
     */
    @Bean
    UserDetailsService users(SecuritySettings settings, ServerProperties server) {
        refuseDemoPasswordsBeyondLoopback(settings, ServerAddress.of(server));
        Map<String, UserDetails> byEmail = new HashMap<>();
        settings.users().forEach(u -> byEmail.put(u.email().toLowerCase(Locale.ROOT), toUserDetails(u)));
        return username -> {
            UserDetails user = byEmail.get(username.toLowerCase(Locale.ROOT));
            if (user == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return User.withUserDetails(user).build();
        };
    }

    private static UserDetails toUserDetails(SecuritySettings.User user) {
        String password = user.password().startsWith("{") ? user.password() : "{noop}" + user.password();
        return User.withUsername(user.email()).password(password).roles(user.role().name()).build();
    }

    /**
     * No observation around each security filter. Turning the observations off by name
     * ({@code management.observations.enable.spring.security}) left Spring Security's decorator in the chain,
     * wrapping every filter of every request in a no-op observation: about 9% of a health check's CPU and 3% of a
     * create's in the profile (BENCHMARKS.md, issue #25). This removes the decorator; {@code http.server.requests}
     * stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Verifies {noop} and {bcrypt} passwords, and encodes (only ever the dummy of Spring Security's timing-attack
     * protection) with noop: with the BCrypt default that dummy cost ~100 ms of CPU on the request path.
     */
    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("noop", Map.of(
            "noop", NoOpPasswordEncoder.getInstance(),
            "bcrypt", new BCryptPasswordEncoder()));
    }

    static void refuseDemoPasswordsBeyondLoopback(SecuritySettings settings, String address) {
        if (settings.usesDemoPasswords() && !isLoopback(address)) {
            throw new IllegalStateException("Refusing to listen on '" + (address.isBlank() ? "all interfaces" : address)
                + "' while the demo passwords are in use. Configure orderly.security.users with your own"
                + " passwords, or keep server.address=127.0.0.1.");
        }
    }

    /** Also resolves a name ("localhost"): the configured address may be one. */
    private static boolean isLoopback(String address) {
        return LoopbackOrSignedIn.isLoopback(address);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, EnvelopeWriter envelopes, RequestLimits limits,
        SecuritySettings settings, SessionTokens tokens, ServerProperties server)
        throws Exception {
        AuthenticationEntryPoint signIn = (request, response, ex) -> {
            String credentials = request.getHeader("Authorization");
            if (credentials != null) {
                limits.failedSignIn(request);
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Orderly\"");
            if (credentials == null) {
                envelopes.write(response, HttpStatus.UNAUTHORIZED, ErrorCode.SIGN_IN_REQUIRED.problem(),
                    "Sign in with HTTP Basic (e-mail and password); see the README for the demo accounts");
            } else if (credentials.regionMatches(true, 0, "Bearer ", 0, 7)) {
                envelopes.write(response, HttpStatus.UNAUTHORIZED, ErrorCode.SESSION_ENDED.problem(),
                    "The session has ended (it expired, or the backend restarted): sign in again");
            } else {
                envelopes.write(response, HttpStatus.UNAUTHORIZED, ErrorCode.WRONG_CREDENTIALS.problem(),
                    "Wrong e-mail or password");
            }
        };
        // HTTP Basic or a session token on every request, no session cookie: a cross-site form post is stopped by
        // the Origin check, and a browser never sends a Bearer token by itself.
        HostAllowList hosts = new HostAllowList(settings, ServerAddress.of(server), envelopes);
        http.csrf(csrf -> csrf.disable())
            .addFilterBefore(hosts, BasicAuthenticationFilter.class)
            .addFilterBefore(new SameOriginWrites(envelopes), BasicAuthenticationFilter.class)
            .addFilterBefore(limits.signInFilter(), BasicAuthenticationFilter.class)
            .addFilterAfter(limits.writeFilter(), BasicAuthenticationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.authenticationEntryPoint(signIn))
            .oauth2ResourceServer(bearer -> bearer
                .authenticationEntryPoint(signIn)
                .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(SessionTokens.authentication())))
            .exceptionHandling(e -> e
                .authenticationEntryPoint(signIn)
                .accessDeniedHandler((request, response, ex) -> envelopes.write(response, HttpStatus.FORBIDDEN,
                    ErrorCode.STAFF_ONLY.problem(), "Only staff may do this")))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
                // Metrics (Prometheus, /actuator/metrics): staff only, never anonymous.
                .requestMatchers("/actuator/**").hasRole(Role.STAFF.name())
                .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**")
                .access(new LoopbackOrSignedIn())
                .requestMatchers(HttpMethod.POST, "/api/orders/*/transitions", "/api/orders/*/refund/complete")
                .hasRole(Role.STAFF.name())
                .requestMatchers("/api/pipeline/**", "/api/admin/**").hasRole(Role.STAFF.name())
                .anyRequest().authenticated());
        return http.build();
    }
}
