package dev.coachos.enrollment.course;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Asks course-service for one course, through Eureka, with a time limit per call, a few retries
 * and a circuit breaker: a course-service that is down or slow costs callers a quick 503, not a
 * hung request. "No such (active) course" is an answer, not a failure.
 */
@Component
class CourseClient {

    private static final Logger log = LoggerFactory.getLogger(CourseClient.class);

    private final CourseClientProperties properties;
    private final ObjectProvider<LoadBalancerClient> loadBalancer;
    private final RestClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;

    CourseClient(CourseClientProperties properties, ObjectProvider<LoadBalancerClient> loadBalancer,
            RestClient.Builder builder) {
        this.properties = properties;
        this.loadBalancer = loadBalancer;
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().requestFactory(factory).build();
        this.retry = Retry.of("course-service", RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .waitDuration(properties.waitBetweenAttempts())
                .retryExceptions(Exception.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        this.breaker = CircuitBreaker.of("course-service", CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.breakerFailureRate())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .slidingWindowSize(Math.max(10, properties.breakerMinimumCalls()))
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** The course if course-service knows it as active; empty if it does not; throws {@link Unavailable}. */
    Optional<CourseFacts> fetch(UUID courseId) {
        Supplier<Optional<CourseFacts>> call = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker, () -> once(courseId)));
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("course-service did not answer about course {}: {}", courseId, e.toString());
            throw new Unavailable(e);
        }
    }

    private Optional<CourseFacts> once(UUID courseId) {
        URI uri = base().resolve("/api/v1/courses/" + courseId);
        // The public catalogue answers for active courses only: an inactive one is "not found" here too.
        return http.get().uri(uri).exchange((request, response) -> {
            HttpStatusCode status = response.getStatusCode();
            if (status.value() == 404) {
                return Optional.empty();
            }
            if (!status.is2xxSuccessful()) {
                throw new IllegalStateException("course-service answered " + status.value());
            }
            CourseFacts facts = response.bodyTo(CourseFacts.class);
            return Optional.ofNullable(facts).filter(CourseFacts::active);
        });
    }

    private URI base() {
        String url = properties.baseUrl();
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

    /** The fields of course-service's course this service keeps. */
    record CourseFacts(UUID id, String title, BigDecimal price, boolean active) {
    }

    /** course-service could not be asked (down, slow, or the breaker is open). */
    static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super(cause);
        }
    }
}
