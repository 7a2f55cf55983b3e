package dev.coachos.messaging.inbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.coachos.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Consuming for every service: the {@link Inbox}, and the error handling every listener gets —
 * a few retries with back-off, then the record goes to {@code <topic>.dlt} (at once for a record
 * that cannot be read), is counted in {@code coachos.events.dead.letters}, and the partition
 * moves on.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
public class InboxAutoConfiguration {

    /** Failures that say nothing about the record itself. */
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(IncomingEvent.NotYetApplicable.class,
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class);

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    static boolean transientFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (TRANSIENT.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    private static final Logger log = LoggerFactory.getLogger(InboxAutoConfiguration.class);

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean
    Inbox inbox(JdbcTemplate jdbc) {
        return new Inbox(jdbc);
    }

    /** Waits between tries by pausing the failed record's partition only (its thread starts when first used). */
    @Bean(destroyMethod = "close")
    PartitionPausingBackOff eventRetryBackOff() {
        return new PartitionPausingBackOff();
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters,
            PartitionPausingBackOff pausing, @Value("${coachos.events.retries:3}") int retries,
            @Value("${coachos.events.patience:10m}") Duration patience) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<String, String> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (ConsumerRecord<?, ?> record, Exception e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxAttempts(retries);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            log.error("Event at {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), rootMessage(e));
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                Counter.builder("coachos.events.dead.letters").tag("topic", record.topic()).register(registry)
                        .increment();
            }
            recoverer.accept(record, e);
        }, backOff, pausing);
        handler.setRetryListeners(pausing);
        handler.addNotRetryableExceptions(IncomingEvent.MalformedEvent.class);
        // A database that is down or locked, or an effect that must wait for other events, is not the
        // record's fault: keep trying (holding its partition, so order is kept; the consumer's other
        // partitions go on) for up to `patience`.
        ExponentialBackOff patient = new ExponentialBackOff(500, 2.0);
        patient.setMaxInterval(30_000);
        patient.setMaxElapsedTime(patience.toMillis());
        handler.setBackOffFunction((record, e) -> {
            if (!transientFailure(e)) {
                return null;
            }
            // Said once per held record: a partition held in silence for minutes is hard to find.
            log.warn("Event at {}-{}@{} waits (the partition is held, retried for up to {}): {}", record.topic(),
                    record.partition(), record.offset(), patience, rootMessage(e));
            return patient;
        });
        return handler;
    }
}
