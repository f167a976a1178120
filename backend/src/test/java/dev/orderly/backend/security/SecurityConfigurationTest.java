package dev.orderly.backend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

class SecurityConfigurationTest {

    private static final SecuritySettings DEMO = new SecuritySettings(List.of(
        new SecuritySettings.User("alice@example.com", "alice-demo", Role.CUSTOMER)), List.of());
    private static final SecuritySettings OWN = new SecuritySettings(List.of(
        new SecuritySettings.User("alice@example.com", "a long own secret", Role.CUSTOMER)), List.of());

    @Test
    void refusesDemoPasswordsOnAllInterfacesOrAPublicAddress() {
        assertThatThrownBy(() -> SecurityConfiguration.refuseDemoPasswordsBeyondLoopback(DEMO, "0.0.0.0"))
            .hasMessageContaining("demo passwords");
        assertThatThrownBy(() -> SecurityConfiguration.refuseDemoPasswordsBeyondLoopback(DEMO, ""))
            .hasMessageContaining("all interfaces");
    }

    @Test
    void allowsDemoPasswordsOnLoopbackAndOwnPasswordsAnywhere() {
        assertThatCode(() -> SecurityConfiguration.refuseDemoPasswordsBeyondLoopback(DEMO, "127.0.0.1"))
            .doesNotThrowAnyException();
        assertThatCode(() -> SecurityConfiguration.refuseDemoPasswordsBeyondLoopback(DEMO, "localhost"))
            .doesNotThrowAnyException();
        assertThatCode(() -> SecurityConfiguration.refuseDemoPasswordsBeyondLoopback(OWN, "0.0.0.0"))
            .doesNotThrowAnyException();
    }

    @Test
    void refusesPlainHttpBeyondLoopbackUnlessTlsIsOnOrAProxyIsDeclared() {
        assertThatThrownBy(() -> TransportSecurity.refusePlainHttpBeyondLoopback("0.0.0.0", false, false))
            .hasMessageContaining("plain HTTP").hasMessageContaining("server.ssl.bundle");
        assertThatThrownBy(() -> TransportSecurity.refusePlainHttpBeyondLoopback("", false, false))
            .hasMessageContaining("all interfaces");
        assertThatCode(() -> TransportSecurity.refusePlainHttpBeyondLoopback("0.0.0.0", true, false))
            .doesNotThrowAnyException();
        assertThatCode(() -> TransportSecurity.refusePlainHttpBeyondLoopback("0.0.0.0", false, true))
            .doesNotThrowAnyException();
        assertThatCode(() -> TransportSecurity.refusePlainHttpBeyondLoopback("127.0.0.1", false, false))
            .doesNotThrowAnyException();
        assertThatCode(() -> new TransportSecurity("10.1.2.3", true, "orderly", "", "", false))
            .doesNotThrowAnyException();
        assertThatThrownBy(() -> new TransportSecurity("10.1.2.3", false, "orderly", "", "", false))
            .as("server.ssl.enabled=false turns the bundle off").hasMessageContaining("plain HTTP");
    }

    @Test
    void aUserWithABcryptHashSignsInWithTheirPasswordOnly() {
        String hash = HashPassword.hash("a team secret");
        assertThat(hash).startsWith("{bcrypt}$2a$").doesNotContain("a team secret");
        SecurityConfiguration configuration = new SecurityConfiguration();
        UserDetailsService users = configuration.users(new SecuritySettings(List.of(
            new SecuritySettings.User("dana@example.com", hash, Role.STAFF),
            new SecuritySettings.User("alice@example.com", "alice-demo", Role.CUSTOMER)), List.of()), loopbackServer());
        PasswordEncoder passwords = configuration.passwordEncoder();

        UserDetails dana = users.loadUserByUsername("Dana@Example.com");
        assertThat(passwords.matches("a team secret", dana.getPassword())).isTrue();
        assertThat(passwords.matches("a team secreT", dana.getPassword())).isFalse();
        assertThat(dana.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STAFF");
        // Plain passwords in the configuration still work ({noop}).
        assertThat(passwords.matches("alice-demo", users.loadUserByUsername("alice@example.com").getPassword()))
            .isTrue();
    }

    private static ServerProperties loopbackServer() {
        ServerProperties server = new ServerProperties();
        server.setAddress(InetAddress.getLoopbackAddress());
        return server;
    }
}
