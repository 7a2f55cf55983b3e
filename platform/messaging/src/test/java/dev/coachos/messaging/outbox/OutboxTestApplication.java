package dev.coachos.messaging.outbox;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.DomainEvent;

/** A tiny producer: a change and its event, in one transaction. */
@SpringBootApplication
public class OutboxTestApplication {

    static final String TOPIC = "coachos.test.events";

    record Registered(String registrationId, String name) implements DomainEvent {
        @Override
        public String aggregateId() {
            return registrationId;
        }
    }

    @Service
    static class Registrations {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        Registrations(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public void register(String id, String name, String topic) {
            jdbc.update("insert into registration (id, name) values (?, ?)", id, name);
            outbox.publish(topic, "Registered", 1, new Registered(id, name));
        }

        /** Several events in one transaction, in the given order. */
        @Transactional
        public void publishAll(String topic, java.util.List<Registered> events) {
            events.forEach(event -> outbox.publish(topic, "Registered", 1, event));
        }

        @Transactional
        public void registerThenFail(String id, String name) {
            register(id, name, TOPIC);
            throw new IllegalStateException("the change fails after the event was stored");
        }
    }
}
