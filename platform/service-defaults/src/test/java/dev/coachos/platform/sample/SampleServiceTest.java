package dev.coachos.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.coachos.testing.ApiClient;
import dev.coachos.testing.ApiClient.Response;
import dev.coachos.testing.JwksServer;
import dev.coachos.testing.TestTokens;

/** The sample service on a real port with a remote key set, shared by the tests of what a request may hold. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=sample", "coachos.security.public-paths=/api/v1/things/sign-in"})
abstract class SampleServiceTest {

    static final TestTokens KEYS = TestTokens.withNewKey();
    static final JwksServer KEY_SERVER = new JwksServer(KEYS::jwksJson);

    @LocalServerPort
    int port;

    ApiClient api;
    String token;

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
        token = KEYS.token().permissions(List.of("manage:things")).sign();
    }

    /** Sends a request as written, over a plain socket, with the token. */
    Response raw(String method, String target) {
        return RawHttp.send(port, method + " " + target + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n");
    }

    /** The answer is an RFC 9457 problem document of the suite with this status and type. */
    static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("type")).as(response.toString()).isEqualTo("urn:coachos:problem:" + type);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.raw()).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
    }

    /** The answer is a 400 problem naming exactly this field, with this message when one is given. */
    static void assertRefused(Response response, String type, String field, String message) {
        assertProblem(response, 400, type);
        assertThat(response.errorFields()).as(response.toString()).containsExactly(field);
        if (message != null) {
            assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo(message);
        }
    }
}
