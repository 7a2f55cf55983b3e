package dev.coachos.platform.env;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added with the lowest precedence so that a service's own
 * {@code application.yml} or the environment can still change any of them.
 */
public class ServiceDefaultProperties implements EnvironmentPostProcessor {

    static final String NAME = "coachosServiceDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        // The gateway keeps pooled connections to each service: do not close them after 100 requests,
        // and keep idle ones longer than the gateway does (it drops them after 20 s), so it never
        // sends a request on a connection the service is closing ("prematurely closed" under load).
        defaults.put("server.tomcat.max-keep-alive-requests", "-1");
        defaults.put("server.tomcat.keep-alive-timeout", "60s");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("spring.jpa.open-in-view", "false");
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        defaults.put("management.health.livenessstate.enabled", "true");
        defaults.put("management.health.readinessstate.enabled", "true");
        // Every request is traced; the trace id is in every log line. Spans and metrics leave
        // the process only when an OTLP endpoint is configured.
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("management.otlp.logging.export.enabled", "false");
        defaults.put("management.otlp.tracing.export.enabled", "${COACHOS_OTLP_TRACING:false}");
        // Kafka listeners continue the trace carried in a record's traceparent header.
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("logging.pattern.correlation", "[${spring.application.name:},%X{traceId:-},%X{spanId:-}] ");
        environment.getPropertySources().addLast(new MapPropertySource(NAME, defaults));
    }
}
