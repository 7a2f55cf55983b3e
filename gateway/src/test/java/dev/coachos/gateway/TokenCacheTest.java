package dev.coachos.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class TokenCacheTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    private final AtomicInteger decoded = new AtomicInteger();
    private Instant now = START;
    private Instant expiry = START.plusSeconds(900);

    /** Stands in for the real decoder: counts its work; a token named "bad" fails every check. */
    private final ReactiveJwtDecoder checks = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(START)
                .expiresAt(expiry).build());
    };

    private TokenCache cache(int capacity) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new TokenCache(checks, Duration.ofSeconds(60), capacity, clock);
    }

    @Test
    void aTokenIsCheckedOnceWithinTheTimeToLiveAndAgainAfterIt() {
        TokenCache cache = cache(10);
        assertThat(cache.decode("a").block().getSubject()).isEqualTo("a");
        now = now.plusSeconds(59);
        assertThat(cache.decode("a").block().getSubject()).isEqualTo("a");
        assertThat(decoded).hasValue(1);
        now = now.plusSeconds(1);
        cache.decode("a").block();
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aTokenIsNeverTakenFromMemoryPastItsExpiry() {
        expiry = START.plusSeconds(10);
        TokenCache cache = cache(10);
        cache.decode("a").block();
        now = START.plusSeconds(10);
        cache.decode("a").block();
        assertThat(decoded).as("checked again once expired, so the real checks refuse it").hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        TokenCache cache = cache(10);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode("bad").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(decoded).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() {
        TokenCache cache = cache(3);
        for (int i = 0; i < 10; i++) {
            cache.decode("t" + i).block();
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        TokenCache full = cache(3);
        for (int i = 0; i < 3; i++) {
            full.decode("u" + i).block();
        }
        now = now.plusSeconds(61);
        full.decode("fresh").block();
        assertThat(full.size()).as("expired entries leave first").isEqualTo(1);
    }
}
