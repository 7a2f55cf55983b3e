package dev.coachos.enrollment.course;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.coachos.platform.http.ServiceClient;

/**
 * How enrollment-service asks course-service about a course it has not heard of
 * ({@code coachos.courses.*}).
 *
 * @param baseUrl             {@code lb://course-service} (through Eureka) or a plain http(s) URL
 * @param connectTimeout      to open a connection
 * @param readTimeout         to wait for an answer; a slow answer counts as a failure
 * @param attempts            tries per lookup, the first included
 * @param waitBetweenAttempts pause between tries
 * @param breakerFailureRate  percentage of failed calls that opens the circuit breaker
 * @param breakerMinimumCalls calls before the rate is judged
 * @param breakerOpenFor      how long an open breaker refuses calls before trying one again
 */
@ConfigurationProperties("coachos.courses")
public record CourseClientProperties(String baseUrl, Duration connectTimeout, Duration readTimeout, int attempts,
        Duration waitBetweenAttempts, float breakerFailureRate, int breakerMinimumCalls, Duration breakerOpenFor) {

    public CourseClientProperties {
        baseUrl = baseUrl == null ? "lb://course-service" : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
        attempts = attempts <= 0 ? 3 : attempts;
        waitBetweenAttempts = waitBetweenAttempts == null ? Duration.ofMillis(200) : waitBetweenAttempts;
        breakerFailureRate = breakerFailureRate <= 0 ? 50 : breakerFailureRate;
        breakerMinimumCalls = breakerMinimumCalls <= 0 ? 5 : breakerMinimumCalls;
        breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(15) : breakerOpenFor;
    }

    ServiceClient.Settings settings() {
        return new ServiceClient.Settings(baseUrl, connectTimeout, readTimeout, attempts, waitBetweenAttempts,
                breakerFailureRate, breakerMinimumCalls, breakerOpenFor);
    }
}
