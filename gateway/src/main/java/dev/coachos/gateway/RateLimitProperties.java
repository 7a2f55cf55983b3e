package dev.coachos.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rate-limit buckets live and whom the gateway believes about a client's address
 * ({@code coachos.gateway.*}, beside {@link GatewayProperties}).
 *
 * @param redisUrl       a Redis URL ({@code redis://[user:password@]host:port[/db]}, {@code rediss://}
 *                       for TLS): every gateway instance keeps its buckets there, so a limit holds
 *                       across all of them. Blank (the default): each instance counts in its own memory
 * @param redisKeyPrefix the first part of every bucket's key in Redis, so that several suites (or test
 *                       runs) can share one Redis
 * @param redisTimeout   how long a request waits for Redis before the instance counts it in memory
 * @param trustedProxies addresses and CIDR ranges of the proxies in front of the gateway; only when the
 *                       TCP peer is one of them is the client's address read from X-Forwarded-For.
 *                       Empty (the default): the client is the TCP peer
 */
@ConfigurationProperties("coachos.gateway")
public record RateLimitProperties(String redisUrl, String redisKeyPrefix, Duration redisTimeout,
        List<String> trustedProxies) {

    public RateLimitProperties {
        redisUrl = redisUrl == null ? "" : redisUrl.strip();
        redisKeyPrefix = redisKeyPrefix == null || redisKeyPrefix.isBlank() ? "coachos" : redisKeyPrefix.strip();
        redisTimeout = redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()
                ? Duration.ofMillis(500) : redisTimeout;
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    boolean sharesBuckets() {
        return !redisUrl.isEmpty();
    }
}
