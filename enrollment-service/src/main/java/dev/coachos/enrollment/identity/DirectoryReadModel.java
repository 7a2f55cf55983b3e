package dev.coachos.enrollment.identity;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Keeps {@link UserDirectory} from identity-service's events, each applied once. Its own consumer
 * group reads the topic from the start, so users created before this read model existed arrive too
 * (as far back as the topic keeps them). Events of one user share a partition and arrive in order.
 */
@Component
class DirectoryReadModel {

    static final String CONSUMER = "enrollment.directory";

    private static final Logger log = LoggerFactory.getLogger(DirectoryReadModel.class);

    private final Inbox inbox;
    private final UserDirectory directory;

    DirectoryReadModel(Inbox inbox, UserDirectory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "enrollment-service.directory")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "UserRegistered" -> {
                Registered user = event.payloadAs(Registered.class, 1);
                yield () -> directory.registered(IncomingEvent.uuid(user.userId(), "userId"), user.role(),
                        KnownUser.Profile.of(user.profileType(), user.role()), optionalUuid(user.branchId(), "branchId"));
            }
            case "UserUpdated" -> {
                Updated user = event.payloadAs(Updated.class, 1);
                yield () -> directory.updated(IncomingEvent.uuid(user.userId(), "userId"),
                        optionalUuid(user.branchId(), "branchId"), user.active());
            }
            case "UserRoleChanged" -> {
                RoleChanged user = event.payloadAs(RoleChanged.class, 1);
                yield () -> directory.roleChanged(IncomingEvent.uuid(user.userId(), "userId"), user.role(),
                        KnownUser.Profile.of(user.profileType(), user.role()));
            }
            case "UserDeactivated" -> {
                Deactivated user = event.payloadAs(Deactivated.class, 1);
                yield () -> directory.deactivated(IncomingEvent.uuid(user.userId(), "userId"));
            }
            default -> null;
        };
        if (effect == null) {
            return;
        }
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), effect);
        log.debug("{} {}: {}", event.type(), event.eventId(), applied ? "applied" : "already applied, skipped");
    }

    private static UUID optionalUuid(String value, String field) {
        return value == null ? null : IncomingEvent.uuid(value, field);
    }

    /** The parts of identity's events this read model uses. */
    record Registered(String userId, String role, String branchId, String profileType) {
    }

    record Updated(String userId, String branchId, boolean active) {
    }

    record RoleChanged(String userId, String role, String profileType) {
    }

    record Deactivated(String userId) {
    }
}
