package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

/** The gateway's bearer-token reader decides every request as Spring's own converter does. */
class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl-_~+/";

    private final BearerTokens ours = new BearerTokens(List.of("/api/v1/auth/login"), List.of("/api/v1/enquiries"));
    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Test
    void everyHeaderIsReadAsSpringReadsIt() {
        List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "BeArEr abc==",
                "Bearer abc=", "Bearer a", "Bearer", "Bearer ", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer abc def",
                "Bearer =", "Bearer abc=d", "Bearer ab$c", "Bearer ab%2Fc", "Bearerabc", "Bearer\tabc", "Basic dXNlcjpwYXNz",
                "Token abc", "", " Bearer abc", "Bearer ab\u00e9c", "Bearer abc\r\n"));
        for (String header : headers) {
            for (String query : List.of("", "?access_token=abc", "?x=1")) {
                MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/users/me" + query)
                        .header("Authorization", header).build();
                assertThat(outcome(ours, request)).as("%s with '%s'", header, query).isEqualTo(outcome(spring, request));
            }
        }
        MockServerHttpRequest none = MockServerHttpRequest.get("/api/v1/users/me?access_token=abc").build();
        assertThat(outcome(ours, none)).isEqualTo(outcome(spring, none)).isEqualTo("none");
    }

    @Test
    void aPublicPathIsNotReadAtAll() {
        MockServerHttpRequest login = MockServerHttpRequest.post("/api/v1/auth/login").header("Authorization", "Bearer $$$")
                .build();
        assertThat(outcome(ours, login)).isEqualTo("none");
        assertThat(outcome(spring, login)).startsWith("refused");
    }

    @Test
    void aPublicPostPathIsNotReadForAPostButIsForAnythingElse() {
        MockServerHttpRequest enquiry = MockServerHttpRequest.post("/api/v1/enquiries")
                .header("Authorization", "Bearer $$$").build();
        assertThat(outcome(ours, enquiry)).isEqualTo("none");
        MockServerHttpRequest listing = MockServerHttpRequest.get("/api/v1/enquiries")
                .header("Authorization", "Bearer " + JWT).build();
        assertThat(outcome(ours, listing)).isEqualTo("token " + JWT);
        MockServerHttpRequest malformed = MockServerHttpRequest.get("/api/v1/enquiries")
                .header("Authorization", "Bearer $$$").build();
        assertThat(outcome(ours, malformed)).startsWith("refused").isEqualTo(outcome(spring, malformed));
    }

    private static String outcome(org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter,
            MockServerHttpRequest request) {
        try {
            Optional<Authentication> read = converter.convert(MockServerWebExchange.from(request)).blockOptional();
            return read.map(a -> "token " + ((BearerTokenAuthenticationToken) a).getToken()).orElse("none");
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
