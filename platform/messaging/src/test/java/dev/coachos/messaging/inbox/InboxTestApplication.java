package dev.coachos.messaging.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A tiny consumer: greets each registered user once, however often the event arrives. */
@SpringBootApplication
public class InboxTestApplication {

    static final String TOPIC = "coachos.greet.events";
    /** Read by {@link Introducer} only, in {@code HeldPartitionIT}, which makes it with several partitions. */
    static final String INTRODUCTIONS = "coachos.introduce.events";

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

    record Introduction(String userId, String name, String friendId) {
    }

    /**
     * Greets a user as a friend's friend, but only once the friend is known: "Met" events (keyed by
     * the friend) make a friend known, "Introduced" ones (keyed by the user) wait for theirs, which
     * travels on another partition.
     */
    @Component
    @ConditionalOnProperty("coachos.test.introductions")
    static class Introducer {

        static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
        /** How often an introduction was tried before its friend was known. */
        static final AtomicInteger WAITING = new AtomicInteger();

        private final Inbox inbox;
        private final JdbcTemplate jdbc;

        Introducer(Inbox inbox, JdbcTemplate jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = INTRODUCTIONS, groupId = "introducer")
        @Transactional
        public void on(String value) {
            IncomingEvent event = IncomingEvent.read(value);
            Introduction introduction = event.payloadAs(Introduction.class);
            if (event.type().equals("Met")) {
                KNOWN.add(introduction.userId());
                return;
            }
            if (!KNOWN.contains(introduction.friendId())) {
                WAITING.incrementAndGet();
                throw new IncomingEvent.NotYetApplicable("friend " + introduction.friendId() + " is not known yet");
            }
            inbox.applyOnce("introducer", event.eventId(), () -> jdbc.update(
                    "insert into greeting (user_id, text) values (?, ?)", introduction.userId(),
                    "Welcome, friend of " + introduction.friendId()));
        }
    }
}
