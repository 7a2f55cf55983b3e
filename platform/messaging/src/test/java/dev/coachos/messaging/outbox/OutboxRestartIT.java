package dev.coachos.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import dev.coachos.testing.TestDatabase;
import dev.coachos.testing.TestKafka;

/** An event committed by a process that stops before relaying it is delivered by the next one. */
@EmbeddedKafka(partitions = 1, topics = OutboxTestApplication.TOPIC)
class OutboxRestartIT {

    @Test
    void theNextProcessDeliversWhatTheStoppedOneCommitted(EmbeddedKafkaBroker broker) {
        TestDatabase database = TestDatabase.create("outboxrestart");
        String id = "reg-" + UUID.randomUUID();

        try (ConfigurableApplicationContext stopped = start(database, broker, false)) {
            stopped.getBean(OutboxTestApplication.Registrations.class).register(id, "Asha", OutboxTestApplication.TOPIC);
            assertThat(stopped.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from outbox_event where record_key = ? and published_at is null", Integer.class, id))
                    .isEqualTo(1);
        }

        try (ConfigurableApplicationContext restarted = start(database, broker, true);
                TestKafka.Reader reader = new TestKafka.Reader(broker.getBrokersAsString(), OutboxTestApplication.TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.withKey(id).size() == 1);
            assertThat(restarted.getBean(JdbcTemplate.class).queryForObject(
                    "select published_at is not null from outbox_event where record_key = ?", Boolean.class, id))
                    .isTrue();
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database, EmbeddedKafkaBroker broker,
            boolean relay) {
        List<String> args = new ArrayList<>();
        database.springProperties("identity").forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of(
                "--spring.main.web-application-type=none",
                "--spring.application.name=outbox-test",
                "--spring.flyway.locations=classpath:db/outbox-test",
                "--spring.flyway.schemas=identity",
                "--spring.flyway.default-schema=identity",
                "--spring.flyway.create-schemas=false",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--coachos.outbox.relay-enabled=" + relay,
                "--logging.level.org.apache.kafka=warn"));
        return new SpringApplicationBuilder(OutboxTestApplication.class).run(args.toArray(String[]::new));
    }
}
