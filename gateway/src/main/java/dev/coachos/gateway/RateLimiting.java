package dev.coachos.gateway;

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
 * check, per user: the general limit. Over a limit: 429 with {@code Retry-After}. The buckets are
 * in each instance's memory, or in Redis when {@code coachos.gateway.redis-url} is set
 * ({@link BucketStores}); the client address is the TCP peer's, or one a trusted proxy forwarded
 * ({@link TrustedProxies}).
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

    static LongSupplier clock(ObjectProvider<Ticker> tickers) {
        Ticker ticker = tickers.getIfAvailable();
        return ticker == null ? System::nanoTime : ticker::nanoTime;
    }

    /** Runs before the security filter chain (order -100). */
    @Component
    @Order(-200)
    static class PerAddress implements WebFilter {

        /** The strict limits, each with buckets of its own; the first whose paths match counts a request. */
        private final List<Strict> strict;
        private final Buckets everything;
        private final TrustedProxies proxies;
        private final ProblemWriter problems;

        PerAddress(GatewayProperties properties, Buckets.Store store, TrustedProxies proxies, ProblemWriter problems) {
            this.strict = List.of(
                    new Strict(properties.authPaths(), store.limit("auth", properties.authLimit())),
                    new Strict(properties.enquiryPaths(), store.limit("enquiry", properties.enquiryLimit())));
            this.everything = store.limit("address", properties.addressLimit());
            this.proxies = proxies;
            this.problems = problems;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            String key = proxies.clientAddress(exchange);
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            return bucketsFor(path).take(key).flatMap(retryAfter -> retryAfter == 0
                    ? chain.filter(exchange)
                    : problems.tooManyRequests(exchange, retryAfter));
        }

        private Buckets bucketsFor(PathContainer path) {
            for (Strict limit : strict) {
                if (limit.covers(path)) {
                    return limit.buckets();
                }
            }
            return everything;
        }
    }

    /** A strict per-address limit on some paths, instead of the general ceiling there. */
    private record Strict(Buckets buckets, List<PathPattern> paths) {

        Strict(List<String> paths, Buckets buckets) {
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

        private final Buckets users;
        private final ProblemWriter problems;

        PerUser(GatewayProperties properties, Buckets.Store store, ProblemWriter problems) {
            this.users = store.limit("user", properties.userLimit());
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
                    .flatMap(principal -> users.take(principal.getName()))
                    .defaultIfEmpty(0L)
                    .flatMap(retryAfter -> retryAfter == 0
                            ? chain.filter(exchange)
                            : problems.tooManyRequests(exchange, retryAfter));
        }
    }
}
