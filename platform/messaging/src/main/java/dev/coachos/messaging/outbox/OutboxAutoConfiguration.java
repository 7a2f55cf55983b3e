package dev.coachos.messaging.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

/** The outbox for every service that has a database and Kafka on its classpath. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxAutoConfiguration.class);

    @Bean
    RelaySignal outboxRelaySignal() {
        return new RelaySignal();
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcTemplate jdbc, Environment environment, ObjectProvider<TraceContext> traceContext,
            RelaySignal outboxRelaySignal) {
        TraceContext trace = traceContext.getIfAvailable(() -> () -> null);
        // Its own mapper: the wire format must not change with a service's spring.jackson settings.
        return new Outbox(jdbc, JsonMapper.builder().build(), environment.getProperty("spring.application.name", "unknown"),
                trace::traceparent, outboxRelaySignal);
    }

    /** Acknowledged by every in-sync replica, idempotent, and never blocking longer than the send timeout. */
    private static ProducerFactory<String, String> producerFactory(KafkaProperties kafka, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        long timeout = properties.sendTimeout().toMillis();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout / 2));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        return new DefaultKafkaProducerFactory<>(config);
    }

    /** The relay with a producer of its own (closed with it). */
    @Bean(destroyMethod = "close")
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, KafkaProperties kafka,
            OutboxProperties properties) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), producerFactory(kafka, properties),
                properties);
    }

    /** The backlog and the set-aside events, as gauges an operator can alert on. */
    @Bean
    MeterBinder outboxGauges(OutboxRelay relay) {
        return registry -> {
            Gauge.builder("coachos.outbox.pending", relay, OutboxRelay::pending)
                    .description("Events stored and not yet delivered to Kafka").register(registry);
            Gauge.builder("coachos.outbox.parked", relay, OutboxRelay::parked)
                    .description("Events the broker can never take, set aside with their error").register(registry);
        };
    }

    @Bean
    SmartLifecycle outboxRelayLoop(OutboxRelay relay, OutboxProperties properties, RelaySignal outboxRelaySignal) {
        return new RelayLoop(relay, properties.pollInterval(), properties.relayEnabled(), outboxRelaySignal);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {

        /** Looks the tracer up lazily: tracing may be configured after this auto-configuration. */
        @Bean
        TraceContext traceContext(ObjectProvider<Tracer> tracers) {
            return () -> {
                Tracer tracer = tracers.getIfAvailable();
                Span span = tracer == null ? null : tracer.currentSpan();
                return span == null ? null
                        : "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
            };
        }
    }

    /** The W3C traceparent of the current request, stored with each event. */
    @FunctionalInterface
    public interface TraceContext {
        String traceparent();
    }

    /**
     * Runs the relay on one background thread: a round as soon as a transaction that stored events
     * commits, and at least every poll interval.
     */
    static final class RelayLoop implements SmartLifecycle {

        private final OutboxRelay relay;
        private final Duration interval;
        private final boolean enabled;
        private final RelaySignal signal;
        private volatile boolean running;
        private Thread thread;

        RelayLoop(OutboxRelay relay, Duration interval, boolean enabled, RelaySignal signal) {
            this.relay = relay;
            this.interval = interval;
            this.enabled = enabled;
            this.signal = signal;
        }

        @Override
        public synchronized void start() {
            if (!enabled || thread != null) {
                return;
            }
            if (!relay.hasOutbox()) {
                log.info("No outbox_event table in this service's schema: the outbox relay stays off");
                return;
            }
            running = true;
            thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
        }

        private void loop() {
            while (running) {
                try {
                    relay.relayDue();
                } catch (Throwable e) {
                    // The loop must outlive any failure: the next round tries again.
                    log.warn("Outbox relay round failed; it runs again in {}: {}", interval, e.toString());
                }
                try {
                    signal.await(interval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public synchronized void stop() {
            if (thread != null) {
                running = false;
                signal.raise();
                try {
                    thread.join(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                thread = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return thread != null;
        }
    }
}
