package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.TestTokens;

/** The per-address ceiling, checked before the token: a flood of bad tokens is cut off cheaply. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayAddressCeilingIT {

    static final TestTokens KEYS = TestTokens.withNewKey();
    static final StubIdentity IDENTITY = new StubIdentity(KEYS::jwksJson);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("coachos.routes.identity", IDENTITY::url);
        registry.add("coachos.security.jwk-set-uri", () -> IDENTITY.url() + "/.well-known/jwks.json");
        registry.add("coachos.gateway.address-limit", () -> "40");
        registry.add("eureka.client.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        IDENTITY.close();
    }

    @Test
    void floodsOfBadTokensMeetTheAddressCeilingBeforeAnySignatureCheck() {
        ApiClient api = new ApiClient("http://localhost:" + port);
        int unauthorized = 0;
        int limited = 0;
        for (int i = 0; i < 50; i++) {
            int status = api.get("/api/v1/users/me", TestTokens.withNewKey().token().sign()).status();
            unauthorized += status == 401 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(limited).isPositive();
        assertThat(unauthorized + limited).isEqualTo(50);
    }

}
