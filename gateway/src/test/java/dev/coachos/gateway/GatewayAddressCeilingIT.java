package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.TestTokens;

/** The per-address ceiling, checked before the token: a flood of bad tokens is cut off cheaply. */
class GatewayAddressCeilingIT extends GatewayTestBase {

    /** No refill while the flood is sent, however long making fifty signing keys takes. */
    static final SettableTicker TICKER = new SettableTicker();

    @TestConfiguration(proxyBeanMethods = false)
    static class StillTime {
        @Bean
        RateLimiting.Ticker ticker() {
            return TICKER;
        }
    }

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("coachos.gateway.address-limit", () -> "40");
    }

    @Test
    void floodsOfBadTokensMeetTheAddressCeilingBeforeAnySignatureCheck() {
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 50; i++) {
            int status = api.get("/api/v1/users/me", TestTokens.withNewKey().token().sign()).status();
            unauthorized += status == 401 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(unauthorized).isEqualTo(40);
        assertThat(limited).isEqualTo(10);
    }

}
