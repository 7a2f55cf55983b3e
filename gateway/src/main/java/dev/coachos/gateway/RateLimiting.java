package dev.coachos.gateway;

import java.net.InetSocketAddress;
import java.security.Principal;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import dev.coachos.platform.web.Problems;
import reactor.core.publisher.Mono;

/**
 * A strict limit per client IP on the auth endpoints (password guessing), and a general limit
 * per user (per IP before login) on everything else. Runs after the token check, so a user is
 * known by their verified subject. Over the limit: 429 with {@code Retry-After}.
 */
@Component
@Order(0)
class RateLimiting implements WebFilter {

    private final java.util.List<PathPattern> authPaths;
    private final TokenBuckets perIpOnAuth;
    private final TokenBuckets perUser;
    private final ProblemWriter problems;

    RateLimiting(GatewayProperties properties, ProblemWriter problems) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.authPaths = properties.authPaths().stream().map(parser::parse).toList();
        this.perIpOnAuth = new TokenBuckets(properties.authLimit(), System::nanoTime);
        this.perUser = new TokenBuckets(properties.userLimit(), System::nanoTime);
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        if (authPaths.stream().anyMatch(p -> p.matches(path))) {
            return limit(exchange, chain, perIpOnAuth, "ip:" + clientIp(exchange));
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "user:" + name)
                .defaultIfEmpty("ip:" + clientIp(exchange))
                .flatMap(key -> limit(exchange, chain, perUser, key));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, TokenBuckets buckets, String key) {
        long retryAfter = buckets.tryTake(key);
        if (retryAfter == 0) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS,
                "Too many requests", "Slow down: try again in " + retryAfter + " s");
    }

    /** The peer address. Behind a trusted proxy, enable forwarded-header handling so this is the client's. */
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
