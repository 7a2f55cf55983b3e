package dev.coachos.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.ObjectProvider;
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
 * Rate limits in two places. Before the token check, per client address: strict limits on the
 * auth endpoints (password guessing) and on website enquiries (form spam; they need no token), and
 * a ceiling on everything else, so that floods of bad tokens are cut off cheaply. After the token
 * check, per user: the general limit. Over a limit: 429 with {@code Retry-After}.
 */
final class RateLimiting {

    private RateLimiting() {
    }

    /**
     * Where the buckets read the time: {@link System#nanoTime()}, unless the context has a ticker of
     * its own (a test that moves time on by hand instead of waiting for buckets to refill).
     */
    @FunctionalInterface
    interface Ticker {
        long nanoTime();
    }

    private static LongSupplier clock(ObjectProvider<Ticker> tickers) {
        Ticker ticker = tickers.getIfAvailable();
        return ticker == null ? System::nanoTime : ticker::nanoTime;
    }

    /** Runs before the security filter chain (order -100). */
    @Component
    @Order(-200)
    static class PerAddress implements WebFilter {

        /** The strict limits, each with buckets of its own; the first whose paths match counts a request. */
        private final List<Strict> strict;
        private final TokenBuckets everything;
        private final ProblemWriter problems;

        PerAddress(GatewayProperties properties, ProblemWriter problems, ObjectProvider<Ticker> tickers) {
            LongSupplier clock = clock(tickers);
            this.strict = List.of(
                    new Strict(properties.authPaths(), new TokenBuckets(properties.authLimit(), clock)),
                    new Strict(properties.enquiryPaths(), new TokenBuckets(properties.enquiryLimit(), clock)));
            this.everything = new TokenBuckets(properties.addressLimit(), clock);
            this.problems = problems;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String key = clientAddress(exchange);
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            long retryAfter = bucketsFor(path).tryTake(key);
            return retryAfter == 0 ? chain.filter(exchange) : problems.tooManyRequests(exchange, retryAfter);
        }

        private TokenBuckets bucketsFor(PathContainer path) {
            for (Strict limit : strict) {
                if (limit.covers(path)) {
                    return limit.buckets();
                }
            }
            return everything;
        }
    }

    /** A strict per-address limit on some paths, instead of the general ceiling there. */
    private record Strict(TokenBuckets buckets, List<PathPattern> paths) {

        Strict(List<String> paths, TokenBuckets buckets) {
            this(buckets, paths.stream().map(PathPatternParser.defaultInstance::parse).toList());
        }

        boolean covers(PathContainer path) {
            for (PathPattern pattern : paths) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Runs after the security filter chain: a caller is known by their verified subject. */
    @Component
    @Order(0)
    static class PerUser implements WebFilter {

        private final TokenBuckets users;
        private final ProblemWriter problems;

        PerUser(GatewayProperties properties, ProblemWriter problems, ObjectProvider<Ticker> tickers) {
            this.users = new TokenBuckets(properties.userLimit(), clock(tickers));
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
