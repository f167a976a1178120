package dev.orderly.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The API description is open on this machine; from elsewhere only to signed-in users. */
class LoopbackOrSignedInTest {

    private final LoopbackOrSignedIn rule = new LoopbackOrSignedIn();
    private final AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken("key", "anonymous",
        List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));

    private boolean granted(String remoteAddress, Object who) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v3/api-docs");
        request.setRemoteAddr(remoteAddress);
        return rule.authorize(() -> (org.springframework.security.core.Authentication) who,
            new RequestAuthorizationContext(request)).isGranted();
    }

    @Test
    void loopbackCallersReadItWithoutSigningIn() {
        assertThat(granted("127.0.0.1", anonymous)).isTrue();
        assertThat(granted("0:0:0:0:0:0:0:1", anonymous)).isTrue();
    }

    @Test
    void othersMustSignIn() {
        assertThat(granted("10.0.0.5", anonymous)).isFalse();
        assertThat(granted("192.168.1.20", new UsernamePasswordAuthenticationToken("staff@example.com", null,
            List.of(new SimpleGrantedAuthority("ROLE_STAFF"))))).isTrue();
        assertThat(LoopbackOrSignedIn.isLoopback("")).isFalse();
        assertThat(LoopbackOrSignedIn.isLoopback(null)).isFalse();
    }
}
