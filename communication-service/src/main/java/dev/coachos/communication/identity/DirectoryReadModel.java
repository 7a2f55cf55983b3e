package dev.coachos.communication.identity;

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
 * Feeds the {@link Directory} from identity-service's events, each once. It has its own consumer
 * group: on its first start it reads the identity topic from the beginning.
 */
@Component
class DirectoryReadModel {

    static final String CONSUMER = "communication.directory";

    private static final Logger log = LoggerFactory.getLogger(DirectoryReadModel.class);

    private final Inbox inbox;
    private final Directory directory;

    DirectoryReadModel(Inbox inbox, Directory directory) {
        this.inbox = inbox;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "communication-service.directory")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "UserRegistered" -> {
                Registered user = payload(event, Registered.class);
                yield () -> directory.registered(uuid(user.userId()), user.email(), user.name(), user.role(),
                        branch(user.branchId()), profileType(user.profileType()));
            }
            case "UserUpdated" -> {
                Updated user = payload(event, Updated.class);
                yield () -> directory.updated(uuid(user.userId()), user.email(), user.name(),
                        branch(user.branchId()), user.active());
            }
            case "UserRoleChanged" -> {
                RoleChanged user = payload(event, RoleChanged.class);
                yield () -> directory.roleChanged(uuid(user.userId()), user.role(), profileType(user.profileType()));
            }
            case "UserDeactivated" -> {
                Deactivated user = payload(event, Deactivated.class);
                yield () -> directory.deactivated(uuid(user.userId()));
            }
            case "StaffProfileUpdated" -> {
                StaffProfile profile = payload(event, StaffProfile.class);
                UUID manager = profile.reportingManagerId() == null ? null
                        : IncomingEvent.uuid(profile.reportingManagerId(), "reportingManagerId");
                yield () -> directory.reportsTo(uuid(profile.userId()), manager);
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the directory", event.type(), event.eventId());
        }
    }

    private static <T> T payload(IncomingEvent event, Class<T> type) {
        return event.payloadAs(type, 1);
    }

    private static UUID uuid(String value) {
        return IncomingEvent.uuid(value, "userId");
    }

    private static UUID branch(String value) {
        return value == null ? null : IncomingEvent.uuid(value, "branchId");
    }

    /** STUDENT, TEACHER or STAFF; an event published before identity added the field has none. */
    private static String profileType(String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("STUDENT") && !value.equals("TEACHER") && !value.equals("STAFF")) {
            throw new IncomingEvent.MalformedEvent("profileType " + value + " is not STUDENT, TEACHER or STAFF");
        }
        return value;
    }

    /** The fields of identity's UserRegistered the directory keeps. */
    record Registered(String userId, String email, String name, String role, String branchId, String profileType) {
    }

    /** The fields of identity's UserUpdated the directory keeps. */
    record Updated(String userId, String email, String name, String branchId, boolean active) {
    }

    /** The fields of identity's UserRoleChanged the directory keeps (profileType absent in older events). */
    record RoleChanged(String userId, String role, String profileType) {
    }

    /** The field of identity's UserDeactivated the directory needs. */
    record Deactivated(String userId) {
    }

    /** The fields of identity's StaffProfileUpdated the directory keeps (reportingManagerId null when none). */
    record StaffProfile(String userId, String reportingManagerId) {
    }
}
