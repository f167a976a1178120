package dev.orderly.backend.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityConfigurationTest {

    private static final SecuritySettings DEMO = new SecuritySettings(List.of(
        new SecuritySettings.User("alice@example.com", "alice-demo", Role.CUSTOMER)));
    private static final SecuritySettings OWN = new SecuritySettings(List.of(
        new SecuritySettings.User("alice@example.com", "a long own secret", Role.CUSTOMER)));

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
}
