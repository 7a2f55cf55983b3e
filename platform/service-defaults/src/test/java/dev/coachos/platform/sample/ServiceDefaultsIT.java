package dev.coachos.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.JwksServer;
import dev.coachos.testing.TestTokens;

/** service-defaults in a servlet service that checks tokens against a remote key set. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=sample")
@ExtendWith(OutputCaptureExtension.class)
class ServiceDefaultsIT {

    static final TestTokens KEYS = TestTokens.withNewKey();
    static final JwksServer KEY_SERVER = new JwksServer(KEYS::jwksJson);

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("coachos.security.jwk-set-uri", KEY_SERVER::url);
    }

    @AfterAll
    static void stop() {
        KEY_SERVER.close();
    }

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
        KEY_SERVER.publish(KEYS::jwksJson);
    }

    @Test
    void aPermittedCallerGetsAPagedList() {
        Response list = api.get("/api/v1/things", KEYS.token().permissions(List.of("read:things")).sign());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("content").size()).isEqualTo(2);
        assertThat(list.json().path("page").path("totalElements").asInt()).isEqualTo(5);
        assertThat(list.json().path("page").path("totalPages").asInt()).isEqualTo(3);
        assertThat(list.json().path("page").path("size").asInt()).isEqualTo(2);
        assertThat(list.json().path("page").path("number").asInt()).isZero();
    }

    @Test
    void manageAndAllGrantsCoverNarrowerPermissions() {
        assertThat(api.get("/api/v1/things", KEYS.token().permissions(List.of("manage:things")).sign()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/things", KEYS.token().permissions(List.of("manage:all")).sign()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/things", KEYS.token().permissions(List.of("read:other")).sign()).status())
                .isEqualTo(403);
    }

    @Test
    void refusalsAreProblems() {
        Response anonymous = api.get("/api/v1/things", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        Response forbidden = api.get("/api/v1/things", KEYS.token().sign());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("type")).isEqualTo("urn:coachos:problem:forbidden");
        assertThat(api.get("/api/v1/things", TestTokens.withNewKey().token().sign()).status()).isEqualTo(401);
    }

    @Test
    void everyKindOfBadRequestIsAProblemWithoutInternals(CapturedOutput output) {
        String token = KEYS.token().permissions(List.of("manage:things")).sign();
        Response invalid = api.post("/api/v1/things", token, Map.of("name", "", "count", 0));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("count", "name");
        assertThat(api.post("/api/v1/things", token, "{").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/things", token, Map.of("name", "x", "count", "many")).errorFields())
                .containsExactly("count");
        assertThat(api.send("POST", "/api/v1/things", token, "x", Map.of("Content-Type", "text/plain")).status())
                .isEqualTo(415);
        assertThat(api.post("/api/v1/things", token, "[" + "1,".repeat(600_000) + "1]").status()).isEqualTo(413);
        assertThat(api.get("/api/v1/nothing-here", token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/things/conflict", token).text("detail")).isEqualTo("That thing exists already");

        // A database that cannot be reached now is a 503 to retry, not an error of ours.
        Response down = api.get("/api/v1/things/database-down", token);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text("type")).isEqualTo("urn:coachos:problem:service-unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.raw()).doesNotContain("request timed out");
        // A rollback that failed on a connection the pool had closed (JPA's answer to a dropped connection).
        Response lost = api.get("/api/v1/things/rollback-lost", token);
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.text("type")).isEqualTo("urn:coachos:problem:service-unavailable");
        Response broken = api.get("/api/v1/things/rollback-broken", token);
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.text("type")).isEqualTo("urn:coachos:problem:unexpected");
        assertThat(broken.raw()).doesNotContain("a bug of ours");
        Response boom = api.get("/api/v1/things/boom", token);
        assertThat(boom.status()).isEqualTo(500);
        assertThat(boom.text("type")).isEqualTo("urn:coachos:problem:unexpected");
        assertThat(boom.raw()).doesNotContain("secret internals").doesNotContain("IllegalStateException");
        // The error is logged with its id, and the log line carries the request's trace id.
        assertThat(output.getAll()).containsPattern(
                "\\[sample,[0-9a-f]{32},[0-9a-f]{16}\\] .*Unexpected error " + boom.text("errorId"));
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedWhileItIsRead() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"count\":1}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/things"))
                        .header("Authorization", "Bearer " + KEYS.token().permissions(List.of("manage:things")).sign())
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:coachos:problem:payload-too-large");
    }

    @Test
    void identityComesFromTheTokenNotFromHeaders() {
        UUID subject = UUID.randomUUID();
        Response me = api.send("GET", "/api/v1/things/me", KEYS.token().subject(subject).sign(), null,
                Map.of("X-User-Id", UUID.randomUUID().toString()));
        assertThat(me.text("userId")).isEqualTo(subject.toString());
        assertThat(me.json().path("seesAllBranches").asBoolean()).isFalse();
    }

    @Test
    void healthProbesAreOpen() {
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics", KEYS.token().sign()).status()).isEqualTo(403);
        assertThat(api.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/metrics", KEYS.token().permissions(List.of("read:metrics")).sign()).status())
                .isEqualTo(200);
    }

    @Test
    void aNewKeyIdIsFetchedFromTheKeySet() {
        assertThat(api.get("/api/v1/things/me", KEYS.token().sign()).status()).isEqualTo(200);
        TestTokens rotated = TestTokens.withNewKey();
        KEY_SERVER.publish(() -> TestTokens.jwksOf(KEYS, rotated));
        assertThat(api.get("/api/v1/things/me", rotated.token().sign()).status()).isEqualTo(200);
    }

}
