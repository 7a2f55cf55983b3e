package dev.coachos.messaging.inbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A tiny consumer: greets each registered user once, however often the event arrives. */
@SpringBootApplication
public class InboxTestApplication {

    static final String TOPIC = "coachos.greet.events";

    /** Whether the greeter has learnt what "Later" greetings wait for; how often one was tried. */
    static final AtomicBoolean READY_FOR_LATER = new AtomicBoolean();
    static final AtomicInteger LATER_ATTEMPTS = new AtomicInteger();

    record Registered(String userId, String name) {
    }

    @Component
    static class Greeter {

        private final Inbox inbox;
        private final JdbcTemplate jdbc;

        Greeter(Inbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = TOPIC, groupId = "greeter")
        @Transactional
        public void on(String value) {
            IncomingEvent event = IncomingEvent.read(value);
            if (!event.type().equals("Registered")) {
                return;
            }
            Registered registered = event.payloadAs(Registered.class);
            if (registered.name().equals("explode")) {
                throw new IllegalStateException("this effect always fails");
            }
            if (registered.name().equals("Later")) {
                LATER_ATTEMPTS.incrementAndGet();
                if (!READY_FOR_LATER.get()) {
                    throw new IncomingEvent.NotYetApplicable("waiting for something else first");
                }
            }
            inbox.applyOnce("greeter", event.eventId(), () -> jdbc.update(
                    "insert into greeting (user_id, text) values (?, ?)", registered.userId(),
                    "Welcome, " + registered.name()));
        }
    }
}
