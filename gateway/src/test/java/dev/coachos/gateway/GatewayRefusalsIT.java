package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal of the gateway's own is an RFC 9457 problem document, also for requests refused
 * before any route or controller sees them (these used to get an empty body). The requests are
 * written byte for byte, as an attacker would send them, so that no client library tidies them up.
 */
class GatewayRefusalsIT extends GatewayTestBase {

    @DynamicPropertySource
    static void origins(DynamicPropertyRegistry registry) {
        registry.add("coachos.gateway.cors-allowed-origins", () -> "https://app.institute.test");
    }

    @Test
    void addressesTheFirewallRefusesAreMalformedRequestProblems() {
        String token = KEYS.token().sign();
        for (String path : new String[] {"/api/v1/users/../roles", "/../etc/passwd", "/api/v1/users/%2e%2e/roles",
                "/api/v1/users/a%2Fb", "/api/v1/users/a%5Cb", "/api/v1/users/a%00b", "/api/v1/users/a%25b",
                "/api/v1/users/a%zzb", "/api/v1/users;jsessionid=1", "/api/v1//users"}) {
            Raw answer = send("GET " + path + " HTTP/1.1", "Authorization: Bearer " + token);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertProblem(answer, path, "urn:coachos:problem:malformed-request");
            assertThat(answer.json().has("instance")).as("the refused address is not repeated back").isFalse();
        }
    }

    @Test
    void aMethodTheGatewayDoesNotTakeIsAMethodNotAllowedProblem() {
        for (String method : new String[] {"TRACE", "FOO"}) {
            Raw answer = send(method + " /api/v1/users HTTP/1.1", "Authorization: Bearer " + KEYS.token().sign());
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertProblem(answer, method, "urn:coachos:problem:method-not-allowed");
            assertThat(answer.header("allow")).contains("GET").contains("POST");
        }
        Raw health = send("POST /actuator/health HTTP/1.1", "Content-Length: 0");
        assertThat(health.status()).isEqualTo(405);
        assertProblem(health, "POST /actuator/health", "urn:coachos:problem:method-not-allowed");
        assertThat(health.header("allow")).contains("GET");
    }

    @Test
    void requestsTooLargeToDecodeAreProblems() {
        String token = KEYS.token().sign();
        Raw longLine = send("GET /api/v1/users?q=" + "a".repeat(5000) + " HTTP/1.1", "Authorization: Bearer " + token);
        assertThat(longLine.status()).isEqualTo(414);
        assertProblem(longLine, "request line over 4 KB", "urn:coachos:problem:http-414");

        Raw bigHeader = send("GET /api/v1/users HTTP/1.1", "Authorization: Bearer " + token, "X-Big: " + "b".repeat(9000));
        assertThat(bigHeader.status()).isEqualTo(431);
        assertProblem(bigHeader, "headers over 8 KB", "urn:coachos:problem:http-431");

        Raw badLength = send("POST /api/v1/users HTTP/1.1", "Authorization: Bearer " + token, "Content-Length: abc");
        assertThat(badLength.status()).isEqualTo(400);
        assertProblem(badLength, "broken Content-Length", "urn:coachos:problem:malformed-request");
    }

    @Test
    void aCorsRequestFromAnotherOriginIsAForbiddenProblem() {
        Raw preflight = send("OPTIONS /api/v1/users HTTP/1.1", "Origin: https://evil.test",
                "Access-Control-Request-Method: POST");
        assertThat(preflight.status()).isEqualTo(403);
        assertProblem(preflight, "preflight", "urn:coachos:problem:forbidden");
        Raw allowed = send("OPTIONS /api/v1/users HTTP/1.1", "Origin: https://app.institute.test",
                "Access-Control-Request-Method: POST");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("access-control-allow-origin")).isEqualTo("https://app.institute.test");
    }

    @Test
    void theFallbackAskedForDirectlyDoesNotExist() {
        Raw answer = send("GET /fallback/identity HTTP/1.1");
        assertThat(answer.status()).isEqualTo(404);
        assertProblem(answer, "/fallback/identity", "urn:coachos:problem:not-found");
    }

    @Test
    void anUnroutedPathIsANotFoundProblem() {
        Raw answer = send("DELETE /api/v2/anything HTTP/1.1", "Authorization: Bearer " + KEYS.token().sign());
        assertThat(answer.status()).isEqualTo(404);
        assertProblem(answer, "/api/v2/anything", "urn:coachos:problem:not-found");
    }

    private static void assertProblem(Raw answer, String what, String type) {
        assertThat(answer.header("content-type")).as(what).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).as(what).isEqualTo(type);
        assertThat(answer.json().path("status").asInt()).as(what).isEqualTo(answer.status());
        assertThat(answer.json().path("title").asString()).as(what).isNotBlank();
        assertThat(answer.json().path("detail").asString()).as(what).isNotBlank();
    }

    /** Sends one request exactly as written, with {@code Connection: close}, and reads the whole answer. */
    private Raw send(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost:").append(port).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Raw.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Raw(int status, Map<String, String> headers, String body) {

        static Raw parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete answer: %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                for (int size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)).trim(), 16); size > 0;
                        size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)).trim(), 16)) {
                    int start = body.indexOf("\r\n", at) + 2;
                    joined.append(body, start, start + size);
                    at = start + size + 2;
                }
                body = joined.toString();
            }
            return new Raw(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            assertThat(body).as("a problem body").isNotEmpty();
            return JsonMapper.builder().build().readTree(body);
        }
    }
}
