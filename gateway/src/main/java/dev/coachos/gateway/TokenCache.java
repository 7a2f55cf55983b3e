package dev.coachos.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens the gateway has already checked, so that a client's next requests with the
 * same token skip parsing it and verifying its RSA signature again. Only tokens that passed every
 * check are remembered; each one for at most {@code timeToLive} and never past its own expiry, so a
 * key withdrawn from identity-service's key set stops being honoured here within that time (the
 * services check every token themselves anyway). Bounded: when full, expired entries go first
 * and, if none had expired, all of them.
 */
final class TokenCache implements ReactiveJwtDecoder {

    private record Checked(Jwt jwt, Instant until) {
    }

    private final ReactiveJwtDecoder decoder;
    private final Duration timeToLive;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    TokenCache(ReactiveJwtDecoder decoder, Duration timeToLive, int capacity, Clock clock) {
        this.decoder = decoder;
        this.timeToLive = timeToLive;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Checked known = checked.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            checked.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt, now));
    }

    private void remember(String token, Jwt jwt, Instant now) {
        Instant until = now.plus(timeToLive);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (checked.size() >= capacity) {
            checked.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (checked.size() >= capacity) {
                checked.clear();
            }
        }
        checked.put(token, new Checked(jwt, until));
    }

    int size() {
        return checked.size();
    }
}
