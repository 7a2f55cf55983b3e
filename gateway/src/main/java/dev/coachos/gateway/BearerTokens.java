package dev.coachos.gateway;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of a request by the rules of Spring's
 * {@code ServerBearerTokenAuthenticationConverter} (RFC 6750: {@code Authorization: Bearer <token>},
 * the token of the characters the RFC allows; a malformed one is refused; the {@code access_token} query
 * parameter is never read) without
 * its regular expression, which cost more on every request than the rest of reading the header.
 * Public paths (and POSTs to the public POST paths) are not read at all: a client that sends its
 * expired access token along with a login, a refresh or a website enquiry must not be refused for it.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "bearer";

    private final ServerWebExchangeMatcher publicPaths;

    /**
     * @param publicPaths     paths where a token is never read, whatever the method
     * @param publicPostPaths paths where a POST's token is never read (other methods' tokens are)
     */
    BearerTokens(List<String> publicPaths, List<String> publicPostPaths) {
        ServerWebExchangeMatcher any = ServerWebExchangeMatchers.pathMatchers(publicPaths.toArray(String[]::new));
        this.publicPaths = publicPostPaths.isEmpty() ? any : new OrServerWebExchangeMatcher(any,
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, publicPostPaths.toArray(String[]::new)));
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return publicPaths.matches(exchange).flatMap(match -> {
            if (match.isMatch()) {
                return Mono.empty();
            }
            try {
                String token = token(exchange.getRequest());
                return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
            } catch (OAuth2AuthenticationException refused) {
                return Mono.error(refused);
            }
        });
    }

    /** The token, or null when the request has none; refuses a malformed one. */
    static String token(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length() + 1);
    }

    /** {@code Bearer <b64token>}: one space, then 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    private static boolean wellFormed(String authorization) {
        int start = SCHEME.length() + 1;
        if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
            return false;
        }
        int i = start;
        while (i < authorization.length() && tokenChar(authorization.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < authorization.length() && authorization.charAt(i) == '=') {
            i++;
        }
        return i == authorization.length();
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
