package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StripIdentityHeadersTest {

    private final StripIdentityHeaders filter = new StripIdentityHeaders(
            new GatewayProperties(null, null, null, null, 0, null, 0, 0, 0, null, null, null, null));

    @Test
    void identityLikeHeadersAreStrippedWhateverTheirCase() {
        assertThat(filter.stripped("X-User-Id")).isTrue();
        assertThat(filter.stripped("x-user-roles")).isTrue();
        assertThat(filter.stripped("X-AUTH-SUBJECT")).isTrue();
        assertThat(filter.stripped("X-Branch-Id")).isTrue();
        assertThat(filter.stripped("X-Forwarded-User")).isTrue();
    }

    @Test
    void ordinaryHeadersPass() {
        assertThat(filter.stripped("Authorization")).isFalse();
        assertThat(filter.stripped("Content-Type")).isFalse();
        assertThat(filter.stripped("X-Request-Id")).isFalse();
        assertThat(filter.stripped("Idempotency-Key")).isFalse();
    }
}
