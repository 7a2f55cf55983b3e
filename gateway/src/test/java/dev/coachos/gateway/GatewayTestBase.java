package dev.coachos.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.TestTokens;

/**
 * The gateway on a random port in front of {@link StubIdentity} (standing in for the identity,
 * course, enrollment, finance and marketing routes), which every test class shares;
 * subclasses add their own settings with a {@code @DynamicPropertySource} of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestBase {

    static final TestTokens KEYS = TestTokens.withNewKey();
    static final StubIdentity IDENTITY = new StubIdentity(KEYS::jwksJson);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(IDENTITY::close));
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void stubIdentity(DynamicPropertyRegistry registry) {
        registry.add("coachos.routes.identity", IDENTITY::url);
        registry.add("coachos.routes.course", IDENTITY::url);
        registry.add("coachos.routes.enrollment", IDENTITY::url);
        registry.add("coachos.routes.finance", IDENTITY::url);
        registry.add("coachos.routes.marketing", IDENTITY::url);
        registry.add("coachos.security.jwk-set-uri", () -> IDENTITY.url() + "/.well-known/jwks.json");
        registry.add("eureka.client.enabled", () -> "false");
    }

    @BeforeEach
    void gatewayClient() {
        api = new ApiClient("http://localhost:" + port);
        IDENTITY.publish(KEYS::jwksJson);
    }
}
