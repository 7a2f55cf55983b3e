package dev.coachos.gateway;

import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Rate limits in two places. Before the token check, per client address: a strict limit on the
 * auth endpoints (password guessing) and a ceiling on everything else, so that floods of bad
 * tokens are cut off cheaply. After the token check, per user: the general limit. Over a
 * limit: 429 with {@code Retry-After}.
 */
final class RateLimiting {

    private RateLimiting() {
    }

    /** Runs before the security filter chain (order -100). */
    @Component
    @Order(-200)
    static class PerAddress implements WebFilter {

        private final List<PathPattern> authPaths;
        private final TokenBuckets auth;
        private final TokenBuckets everything;
        private final ProblemWriter problems;

        PerAddress(GatewayProperties properties, ProblemWriter problems) {
            this.authPaths = properties.authPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
            this.auth = new TokenBuckets(properties.authLimit(), System::nanoTime);
            this.everything = new TokenBuckets(properties.addressLimit(), System::nanoTime);
            this.problems = problems;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String key = clientAddress(exchange);
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            TokenBuckets buckets = authPaths.stream().anyMatch(p -> p.matches(path)) ? auth : everything;
            long retryAfter = buckets.tryTake(key);
            return retryAfter == 0 ? chain.filter(exchange) : problems.tooManyRequests(exchange, retryAfter);
        }
    }

    /** Runs after the security filter chain: a caller is known by their verified subject. */
    @Component
    @Order(0)
    static class PerUser implements WebFilter {

        private final TokenBuckets users;
        private final ProblemWriter problems;

        PerUser(GatewayProperties properties, ProblemWriter problems) {
            this.users = new TokenBuckets(properties.userLimit(), System::nanoTime);
            this.problems = problems;
        }

        /**
         * Decides first, then runs the rest of the chain exactly once. (It used to call the chain inside
         * {@code flatMap} with {@code switchIfEmpty(chain)} behind it: the chain completes empty, so every
         * authenticated request went through the gateway's filters twice, and the second pass made Spring
         * Cloud Gateway dispose the first pass's pooled service connection, now and then after another
         * request had already taken it: "closed BEFORE response, while sending request body".)
         */
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return exchange.getPrincipal()
                    .map(principal -> users.tryTake(principal.getName()))
                    .defaultIfEmpty(0L)
                    .flatMap(retryAfter -> retryAfter == 0
                            ? chain.filter(exchange)
                            : problems.tooManyRequests(exchange, retryAfter));
        }
    }

    /** The peer address. Behind a trusted proxy, enable forwarded-header handling so this is the client's. */
    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
