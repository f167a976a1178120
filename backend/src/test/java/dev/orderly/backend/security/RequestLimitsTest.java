package dev.orderly.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderly.backend.web.EnvelopeWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The failed sign-in counts: per account and address, and gone with their minute whatever names were made up. */
class RequestLimitsTest {

    private final AtomicLong now = new AtomicLong();
    private final RequestLimits limits = new RequestLimits(3, 1000,
        new EnvelopeWriter(JsonMapper.builder().build()), now::get);

    private static MockHttpServletRequest signIn(String user, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":wrong")
            .getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    @Test
    void failuresAreCountedPerAccountAndAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            limits.failedSignIn(signIn("staff@example.com", "10.0.0.9"));
        }
        assertThat(limits.refuseSignIn(signIn("staff@example.com", "10.0.0.9"), new MockHttpServletResponse()))
            .isTrue();
        assertThat(limits.refuseSignIn(signIn("staff@example.com", "10.0.0.7"), new MockHttpServletResponse()))
            .isFalse();
        assertThat(limits.refuseSignIn(signIn("alice@example.com", "10.0.0.9"), new MockHttpServletResponse()))
            .isFalse();
    }

    @Test
    void madeUpAccountNamesAreForgottenWhenTheirMinuteIsOver() throws Exception {
        for (int i = 0; i < 5000; i++) {
            limits.failedSignIn(signIn("nobody-" + i + "@example.com", "127.0.0.1"));
        }
        assertThat(limits.tracked()).isEqualTo(5000);
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(limits.tracked()).isZero();
        assertThat(RequestLimits.MAX_TRACKED).isLessThanOrEqualTo(100_000);
    }
}
