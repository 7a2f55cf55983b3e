package dev.coachos.communication.identity;

import java.util.ArrayList;
import java.util.List;
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
 * Feeds the {@link Directory} from identity-service's events, each once: users with their e-mail
 * and phone, and students' guardians from StudentProfileUpdated. It has its own consumer
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
                        branch(user.branchId()), profileType(user.profileType()), blankToNull(user.phone()));
            }
            case "UserUpdated" -> {
                Updated user = payload(event, Updated.class);
                yield () -> directory.updated(uuid(user.userId()), user.email(), user.name(),
                        branch(user.branchId()), user.active(), blankToNull(user.phone()));
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
            case "StudentProfileUpdated" -> {
                StudentProfile profile = payload(event, StudentProfile.class);
                UUID student = uuid(profile.userId());
                // Older events carry no guardians: they change nothing the directory knows of them.
                yield profile.guardians() == null ? null
                        : () -> directory.guardians(student, guardians(profile.guardians()));
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

    /** The guardians as the directory keeps them; one without a name and any contact is no guardian. */
    private static List<Directory.Guardian> guardians(List<GuardianContact> given) {
        List<Directory.Guardian> kept = new ArrayList<>();
        for (GuardianContact guardian : given) {
            if (guardian == null) {
                throw new IncomingEvent.MalformedEvent("StudentProfileUpdated with an empty guardian");
            }
            String name = blankToNull(guardian.name());
            String phone = blankToNull(guardian.phone());
            String email = blankToNull(guardian.email());
            if (name == null && phone == null && email == null) {
                continue;
            }
            if (name != null && name.length() > 200 || phone != null && phone.length() > 20
                    || email != null && email.length() > 320) {
                throw new IncomingEvent.MalformedEvent("StudentProfileUpdated with a guardian's field too long");
            }
            String relation = blankToNull(guardian.relation());
            kept.add(new Directory.Guardian(name == null ? "" : name,
                    relation == null ? null : relation.substring(0, Math.min(40, relation.length())), phone, email));
        }
        return kept;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
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
    record Registered(String userId, String email, String name, String role, String branchId, String profileType,
            String phone) {
    }

    /** The fields of identity's UserUpdated the directory keeps. */
    record Updated(String userId, String email, String name, String branchId, boolean active, String phone) {
    }

    /** The fields of identity's StudentProfileUpdated the directory keeps (guardians absent in older events). */
    record StudentProfile(String userId, List<GuardianContact> guardians) {
    }

    /** One guardian of a student's profile: phone E.164, each field possibly null. */
    record GuardianContact(String name, String relation, String phone, String email) {
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
