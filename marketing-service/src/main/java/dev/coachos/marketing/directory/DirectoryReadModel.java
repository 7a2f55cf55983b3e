package dev.coachos.marketing.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.events.identity.BranchOpened;
import dev.coachos.events.identity.BranchUpdated;
import dev.coachos.events.identity.UserDeactivated;
import dev.coachos.events.identity.UserRegistered;
import dev.coachos.events.identity.UserRoleChanged;
import dev.coachos.events.identity.UserUpdated;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Staff and teachers who may be given leads, and the branches leads belong to, from identity's
 * events, each applied once. Students are not kept: marketing has no business with them beyond the
 * converted lead's ids.
 */
@Component
class DirectoryReadModel {

    static final String CONSUMER = "marketing.directory";

    private final Inbox inbox;
    private final JdbcClient jdbc;

    DirectoryReadModel(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "marketing-service.directory")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "UserRegistered" -> {
                UserRegistered user = event.payloadAs(UserRegistered.class, 1);
                UUID id = IncomingEvent.uuid(user.userId(), "userId");
                UUID branch = user.branchId() == null ? null : IncomingEvent.uuid(user.branchId(), "branchId");
                yield "STUDENT".equals(user.profileType()) ? null
                        : () -> registered(id, user.name(), user.email(), branch, user.profileType());
            }
            case "UserUpdated" -> {
                UserUpdated user = event.payloadAs(UserUpdated.class, 1);
                UUID id = IncomingEvent.uuid(user.userId(), "userId");
                UUID branch = user.branchId() == null ? null : IncomingEvent.uuid(user.branchId(), "branchId");
                yield () -> jdbc.sql("""
                        update staff_view set name = :name, email = :email, branch_id = :branch, active = :active,
                               updated_at = :now where user_id = :id""")
                        .param("name", user.name()).param("email", user.email()).param("branch", branch)
                        .param("active", user.active()).param("now", now()).param("id", id).update();
            }
            case "UserRoleChanged" -> {
                UserRoleChanged changed = event.payloadAs(UserRoleChanged.class, 1);
                UUID id = IncomingEvent.uuid(changed.userId(), "userId");
                yield () -> jdbc.sql("update staff_view set profile_type = :type, updated_at = :now where user_id = :id")
                        .param("type", changed.profileType()).param("now", now()).param("id", id).update();
            }
            case "UserDeactivated" -> {
                UUID id = IncomingEvent.uuid(event.payloadAs(UserDeactivated.class, 1).userId(), "userId");
                yield () -> jdbc.sql("update staff_view set active = false, updated_at = :now where user_id = :id")
                        .param("now", now()).param("id", id).update();
            }
            case "BranchOpened" -> {
                BranchOpened b = event.payloadAs(BranchOpened.class, 1);
                UUID id = IncomingEvent.uuid(b.branchId(), "branchId");
                yield () -> branch(id, b.code(), b.name(), b.active());
            }
            case "BranchUpdated" -> {
                BranchUpdated b = event.payloadAs(BranchUpdated.class, 1);
                UUID id = IncomingEvent.uuid(b.branchId(), "branchId");
                yield () -> branch(id, b.code(), b.name(), b.active());
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
        }
    }

    private void registered(UUID id, String name, String email, UUID branch, String profileType) {
        jdbc.sql("""
                insert into staff_view (user_id, name, email, branch_id, profile_type, active, updated_at)
                values (:id, :name, :email, :branch, :type, true, :now)
                on conflict (user_id) do update set name = excluded.name, email = excluded.email,
                       branch_id = excluded.branch_id, profile_type = excluded.profile_type, updated_at = excluded.updated_at""")
                .param("id", id).param("name", name).param("email", email).param("branch", branch)
                .param("type", profileType == null ? "STAFF" : profileType).param("now", now()).update();
    }

    private void branch(UUID id, String code, String name, boolean active) {
        jdbc.sql("""
                insert into branch_view (branch_id, code, name, active, updated_at) values (:id, :code, :name, :active, :now)
                on conflict (branch_id) do update set code = excluded.code, name = excluded.name,
                       active = excluded.active, updated_at = excluded.updated_at""")
                .param("id", id).param("code", code).param("name", name).param("active", active).param("now", now())
                .update();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
