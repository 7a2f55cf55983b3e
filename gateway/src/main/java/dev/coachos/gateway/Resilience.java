package dev.coachos.gateway;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import reactor.netty.channel.AbortedException;

/**
 * Every route's breaker opens when a service keeps failing. The wait per call is bounded by the
 * HTTP client's response timeout ({@code coachos.gateway.downstream-timeout}), not by a second
 * timer of the breaker's own (its time limiter is off: one timer per request is enough).
 */
@Configuration(proxyBeanMethods = false)
class Resilience {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> defaultBreaker() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(java.time.Duration.ofSeconds(10))
                        // A client that hangs up (wrk at the end of a run, a closed browser tab) says
                        // nothing about the service: it must not open the breaker for everyone else.
                        .ignoreExceptions(AbortedException.class)
                        .build())
                .build());
    }
}
