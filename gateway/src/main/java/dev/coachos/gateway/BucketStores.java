package dev.coachos.gateway;

import java.util.function.LongSupplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** Chooses where the rate-limit buckets live: in Redis when {@code coachos.gateway.redis-url} is set, else in memory. */
@Configuration(proxyBeanMethods = false)
class BucketStores {

    @Bean
    Buckets.Store bucketStore(RateLimitProperties properties, ObjectProvider<RateLimiting.Ticker> tickers,
            ConfigurationService gatewayConfiguration, ObjectProvider<MeterRegistry> meters) {
        LongSupplier clock = RateLimiting.clock(tickers);
        if (properties.sharesBuckets()) {
            return new RedisBuckets(properties, clock, gatewayConfiguration, meters.getIfAvailable());
        }
        return inMemory(clock);
    }

    /** Each gateway instance counts on its own: with N instances a client may get N times a limit. */
    static Buckets.Store inMemory(LongSupplier clock) {
        return (name, perMinute) -> {
            TokenBuckets buckets = new TokenBuckets(perMinute, clock);
            return key -> Mono.just(buckets.tryTake(key));
        };
    }
}
