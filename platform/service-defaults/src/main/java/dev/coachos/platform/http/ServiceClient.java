package dev.coachos.platform.http;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.RestClient;

import dev.coachos.platform.web.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Calls to another service of the suite: found through service discovery ({@code lb://name}) or a
 * plain URL, with a time limit per call, a few retries and a circuit breaker. A service that is
 * down or slow costs the caller a quick 503 problem, not a hung request; "not found" is an answer,
 * not a failure. One instance per service called; it is safe to share between threads.
 */
public final class ServiceClient {

    private static final Logger log = LoggerFactory.getLogger(ServiceClient.class);

    private final String service;
    private final Settings settings;
    private final ObjectProvider<LoadBalancerClient> loadBalancer;
    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public ServiceClient(String service, Settings settings, ObjectProvider<LoadBalancerClient> loadBalancer,
            RestClient.Builder builder) {
        this.service = service;
        this.settings = settings;
        this.loadBalancer = loadBalancer;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(settings.connectTimeout());
        factory.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().requestFactory(factory).build();
        this.retry = Retry.of(service, RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .waitDuration(settings.waitBetweenAttempts())
                .retryExceptions(Exception.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        this.breaker = CircuitBreaker.of(service, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRate())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .slidingWindowSize(Math.max(10, settings.breakerMinimumCalls()))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /**
     * GETs a resource: its body when the service answers 2xx, empty when it answers 404. Anything
     * else, a time-out or an open breaker is a 503 problem naming the service.
     */
    public <T> Optional<T> find(String path, Class<T> type) {
        return call("GET " + path, (client, base) -> client.get().uri(base.resolve(path)).exchange((request, response) -> {
            HttpStatusCode status = response.getStatusCode();
            if (status.value() == 404) {
                return Optional.<T>empty();
            }
            if (!status.is2xxSuccessful()) {
                throw new IllegalStateException(service + " answered " + status.value());
            }
            return Optional.ofNullable(response.bodyTo(type));
        }));
    }

    /**
     * Any call, given the client and the base address of one instance; an exception thrown by it
     * counts as a failure (retried, and seen by the breaker). Failing for good is a 503 problem.
     */
    public <T> T call(String what, BiFunction<RestClient, URI, T> request) {
        Supplier<T> call = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker, () -> request.apply(http, base())));
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("{} did not answer {}: {}", service, what, e.toString());
            throw unavailable();
        }
    }

    /** The state of the breaker, for health and tests. */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private ErrorResponseException unavailable() {
        return Problems.raise(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE, "Service unavailable",
                service + " cannot be reached just now; try again shortly");
    }

    private URI base() {
        String url = settings.baseUrl();
        if (!url.startsWith("lb://")) {
            return URI.create(url);
        }
        LoadBalancerClient client = loadBalancer.getIfAvailable();
        ServiceInstance instance = client == null ? null : client.choose(url.substring("lb://".length()));
        if (instance == null) {
            throw new IllegalStateException("no instance of " + url + " is registered");
        }
        return instance.getUri();
    }

    /**
     * How one service is called; bind it from configuration ({@code @ConfigurationProperties}) or
     * build it in code. Missing values take the defaults below.
     *
     * @param baseUrl             {@code lb://<service>} (through service discovery) or a plain http(s) URL
     * @param connectTimeout      to open a connection (1 s)
     * @param readTimeout         to wait for an answer; a slow answer counts as a failure (2 s)
     * @param attempts            tries per call, the first included (3)
     * @param waitBetweenAttempts pause between tries (200 ms)
     * @param breakerFailureRate  percentage of failed calls that opens the circuit breaker (50)
     * @param breakerMinimumCalls calls before the rate is judged (5)
     * @param breakerOpenFor      how long an open breaker refuses calls before letting one through (15 s)
     */
    public record Settings(String baseUrl, Duration connectTimeout, Duration readTimeout, int attempts,
            Duration waitBetweenAttempts, float breakerFailureRate, int breakerMinimumCalls, Duration breakerOpenFor) {

        public Settings {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException("a service client needs a base URL (lb://name or http(s)://...)");
            }
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
            attempts = attempts <= 0 ? 3 : attempts;
            waitBetweenAttempts = waitBetweenAttempts == null ? Duration.ofMillis(200) : waitBetweenAttempts;
            breakerFailureRate = breakerFailureRate <= 0 ? 50 : breakerFailureRate;
            breakerMinimumCalls = breakerMinimumCalls <= 0 ? 5 : breakerMinimumCalls;
            breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(15) : breakerOpenFor;
        }

        /** Every default, for a service at this address. */
        public static Settings at(String baseUrl) {
            return new Settings(baseUrl, null, null, 0, null, 0, 0, null);
        }
    }
}
