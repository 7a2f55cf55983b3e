package dev.coachos.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.coachos.testing.ApiClient.Response;

/**
 * Every error a servlet service answers is a problem document, including those for requests that
 * never reach a controller: refused by Tomcat itself (which wrote an HTML page), by Spring
 * Security's firewall or by the servlet (which went to Spring Boot's JSON error page). Sent over a
 * plain socket, as a client library would clean these addresses up or refuse to send them.
 */
class ErrorDocumentsIT extends SampleServiceTest {

    @Test
    void anEncodedSlashOrNulInThePathIsAProblem() {
        assertProblem(raw("GET", "/api/v1/things/named/a%2Fb"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/a%00b"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/a%5Cb"), 400, "malformed-request");
    }

    @Test
    void aMalformedAddressIsAProblem() {
        assertProblem(raw("GET", "/api/v1/things/named/%zz"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/%"), 400, "malformed-request");
        assertProblem(RawHttp.send(port, "GET /api/v1/things has spaces HTTP/1.1\r\n"), 400, "malformed-request");
    }

    @Test
    void aQueryStringOverEightKilobytesIsAProblem() {
        assertProblem(raw("GET", "/api/v1/things/named/x?q=" + "a".repeat(9000)), 400, "malformed-request");
    }

    @Test
    void aHeaderWithANulCharacterIsAProblem() {
        assertProblem(RawHttp.send(port, "GET /api/v1/things/named/x HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nX-Note: a\0b\r\n"), 400, "malformed-request");
    }

    @Test
    void dotSegmentsAndOtherPathsTheFirewallRefusesAreProblems() {
        assertProblem(raw("GET", "/api/v1/things/named/../named/x"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/x/../y"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/%2e%2e/y"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/x//y"), 400, "malformed-request");
        assertProblem(raw("GET", "/api/v1/things/named/x;a=b"), 400, "malformed-request");
        // Without a token as well: the firewall answers before authentication.
        assertProblem(RawHttp.send(port, "GET /api/v1/things/../things HTTP/1.1\r\n"), 400, "malformed-request");
    }

    @Test
    void aMethodOrVersionNoOneServesIsAProblem() {
        Response trace = raw("TRACE", "/api/v1/things");
        assertProblem(trace, 405, "method-not-allowed");
        assertProblem(raw("CONNECT", "/api/v1/things"), 501, "http-501");
        assertProblem(RawHttp.send(port, "GET /api/v1/things HTTP/3.0\r\n"), 505, "http-505");
    }

    @Test
    void theErrorPageItselfIsNotFound() {
        assertProblem(raw("GET", "/error"), 404, "not-found");
        assertProblem(RawHttp.send(port, "GET /error HTTP/1.1\r\n"), 404, "not-found");
    }

    @Test
    void whatWasAProblemStaysOne() {
        assertProblem(raw("GET", "/api/v1/nothing-here"), 404, "not-found");
        assertProblem(RawHttp.send(port, "GET /api/v1/things HTTP/1.1\r\n"), 401, "unauthenticated");
        assertThat(raw("GET", "/api/v1/things/named/x").status()).isEqualTo(200);
    }
}
