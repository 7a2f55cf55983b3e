package dev.coachos.communication.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * A local directory of users (name, role, active) fed by identity-service's events, so
 * notifications can be addressed by role ("every director") without calling identity. It has
 * its own consumer group: on its first start it reads the identity topic from the beginning.
 */
@Component
class Directory {

    static final String CONSUMER = "communication.directory";

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    Directory(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "communication-service.directory")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "UserRegistered" -> {
                Registered user = payload(event, Registered.class);
                yield () -> upsert(user.userId(), user.name(), user.role(), true);
            }
            case "UserUpdated" -> {
                Updated user = payload(event, Updated.class);
                yield () -> jdbc.update("update recipient set name = ?, active = ?, updated_at = ? where user_id = ?",
                        user.name(), user.active(), Timestamp.from(Instant.now()), uuid(user.userId()));
            }
            case "UserRoleChanged" -> {
                RoleChanged user = payload(event, RoleChanged.class);
                yield () -> jdbc.update("update recipient set role = ?, updated_at = ? where user_id = ?", user.role(),
                        Timestamp.from(Instant.now()), uuid(user.userId()));
            }
            case "UserDeactivated" -> {
                Deactivated user = payload(event, Deactivated.class);
                yield () -> jdbc.update("update recipient set active = false, updated_at = ? where user_id = ?",
                        Timestamp.from(Instant.now()), uuid(user.userId()));
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the directory", event.type(), event.eventId());
        }
    }

    /** Active users holding one of the roles. */
    List<UUID> withRoles(List<String> roles) {
        return jdbc.queryForList("select user_id from recipient where role = any(?) and active order by user_id",
                UUID.class, (Object) roles.toArray(String[]::new));
    }

    Optional<String> name(UUID user) {
        return jdbc.queryForList("select name from recipient where user_id = ?", String.class, user).stream().findFirst();
    }

    private void upsert(String userId, String name, String role, boolean active) {
        jdbc.update("""
                insert into recipient (user_id, name, role, active, updated_at) values (?, ?, ?, ?, ?)
                on conflict (user_id) do update set name = excluded.name, role = excluded.role,
                    active = excluded.active, updated_at = excluded.updated_at""",
                uuid(userId), name, role, active, Timestamp.from(Instant.now()));
    }

    private static <T> T payload(IncomingEvent event, Class<T> type) {
        return event.payloadAs(type, 1);
    }

    private static UUID uuid(String value) {
        return IncomingEvent.uuid(value, "userId");
    }

    record Registered(String userId, String name, String role) {
    }

    record Updated(String userId, String name, boolean active) {
    }

    record RoleChanged(String userId, String role) {
    }

    record Deactivated(String userId) {
    }
}
