package dev.coachos.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.TestTokens;

/** identity-service checks every token itself: signature, algorithm, issuer, audience, expiry. */
class TokenRefusalsIT extends IdentityTestBase {

    @Test
    void aValidTokenIsAccepted() {
        Response me = api.get("/api/v1/users/me", director());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo(DIRECTOR_EMAIL);
        assertThat(me.text("role")).isEqualTo("DIRECTOR");
    }

    @Test
    void noTokenIsRefusedWithAProblem() {
        Response response = api.get("/api/v1/users/me", null);
        assertUnauthenticated(response);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = SIGNING.token().subject(directorId()).permissions(List.of("manage:all"))
                .expiresAt(Instant.now().minusSeconds(120)).sign();
        assertUnauthenticated(api.get("/api/v1/users", expired));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = TestTokens.withNewKey().token().subject(directorId()).permissions(List.of("manage:all")).sign();
        assertUnauthenticated(api.get("/api/v1/users", forged));
    }

    @Test
    void aTokenWithTheWrongIssuerOrAudienceIsRefused() {
        String issuer = SIGNING.token().subject(directorId()).issuer("someone-else").sign();
        String audience = SIGNING.token().subject(directorId()).audience("another-app").sign();
        assertUnauthenticated(api.get("/api/v1/users/me", issuer));
        assertUnauthenticated(api.get("/api/v1/users/me", audience));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String token = director();
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
        assertUnauthenticated(api.get("/api/v1/users/me", TestTokens.tamper(token)));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = director().split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
        assertUnauthenticated(api.get("/api/v1/users/me", none));
    }

    @Test
    void theKeysArePublishedWithTheirId() {
        Response jwks = api.get("/api/v1/auth/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().path("keys").get(0).path("kid").asString()).isEqualTo(SIGNING.keyId());
        assertThat(jwks.json().path("keys").get(0).has("d")).as("no private part").isFalse();
        assertThat(api.get("/.well-known/jwks.json", null).raw()).isEqualTo(jwks.raw());
    }

    private UUID directorId() {
        return UUID.fromString(api.get("/api/v1/users/me", director()).text("id"));
    }

    private static void assertUnauthenticated(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:coachos:problem:unauthenticated");
    }
}
