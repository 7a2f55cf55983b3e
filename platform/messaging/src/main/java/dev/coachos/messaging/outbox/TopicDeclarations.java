package dev.coachos.messaging.outbox;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import dev.coachos.events.Topics;

/**
 * Services declare the topics they produce, with their dead-letter topics, instead of leaving
 * them to the broker's auto-creation ({@code coachos.events.topics}, {@code .partitions},
 * {@code .replication}). Creating a topic that exists changes nothing. An event topic keeps its
 * records for {@code coachos.events.retention} (forever by default): read models are built by
 * replaying a topic from its start, so a consumer added later must still find every event.
 * Dead-letter topics keep the broker's default.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(TopicDeclarations.TopicProperties.class)
public class TopicDeclarations {

    @Bean
    KafkaAdmin.NewTopics coachosTopics(TopicProperties properties) {
        String retention = properties.retention() == null ? "-1" : Long.toString(properties.retention().toMillis());
        NewTopic[] topics = properties.topics().stream()
                .flatMap(t -> java.util.stream.Stream.of(
                        TopicBuilder.name(t).partitions(properties.partitions()).replicas(properties.replication())
                                .config(TopicConfig.RETENTION_MS_CONFIG, retention).build(),
                        TopicBuilder.name(Topics.deadLetter(t)).partitions(properties.partitions())
                                .replicas(properties.replication()).build()))
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    @ConfigurationProperties("coachos.events")
    record TopicProperties(List<String> topics, int partitions, int replication, java.time.Duration retention) {
        TopicProperties {
            topics = topics == null ? List.of() : List.copyOf(topics);
            partitions = partitions <= 0 ? 3 : partitions;
            replication = replication <= 0 ? 1 : replication;
        }
    }
}
