package dev.coachos.messaging.outbox;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
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
 * {@code .replication}). Creating a topic that exists changes nothing.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(TopicDeclarations.TopicProperties.class)
public class TopicDeclarations {

    @Bean
    KafkaAdmin.NewTopics coachosTopics(TopicProperties properties) {
        NewTopic[] topics = properties.topics().stream()
                .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetter(t)))
                .map(t -> TopicBuilder.name(t).partitions(properties.partitions()).replicas(properties.replication())
                        .build())
                .toArray(NewTopic[]::new);
        return new KafkaAdmin.NewTopics(topics);
    }

    @ConfigurationProperties("coachos.events")
    record TopicProperties(List<String> topics, int partitions, int replication) {
        TopicProperties {
            topics = topics == null ? List.of() : List.copyOf(topics);
            partitions = partitions <= 0 ? 3 : partitions;
            replication = replication <= 0 ? 1 : replication;
        }
    }
}
