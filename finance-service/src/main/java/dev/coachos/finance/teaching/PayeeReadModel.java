package dev.coachos.finance.teaching;

import java.sql.Timestamp;
import java.time.Instant;
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
 * Who payroll pays: teachers and staff from identity-service's {@code UserRegistered} (students are
 * left out; see {@link PayDays#payeeType}), kept current by {@code UserUpdated} and
 * {@code UserDeactivated}. Events of one user share a key and arrive in order, so an update of an
 * account not kept here is a student's (or a custom role's) and is skipped.
 *
 * <p>A consumer group of its own ({@value BatchPayReadModel#GROUP}), replaying identity's topic from
 * its beginning, since the group {@code finance-service} had skipped staff accounts; each event is
 * applied once (inbox, consumer {@value #CONSUMER}).
 */
@Component
class PayeeReadModel {

    static final String CONSUMER = "finance.payroll.identity";

    private static final Logger log = LoggerFactory.getLogger(PayeeReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    PayeeReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = BatchPayReadModel.GROUP)
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "UserRegistered" -> {
                Registered user = event.payloadAs(Registered.class, 1);
                yield PayDays.payeeType(user.profileType(), user.role())
                        .<Runnable>map(type -> () -> registered(user, type)).orElse(null);
            }
            case "UserUpdated" -> {
                Updated user = event.payloadAs(Updated.class, 1);
                yield () -> updated(user);
            }
            case "UserDeactivated" -> {
                UUID id = IncomingEvent.uuid(event.payloadAs(Deactivated.class, 1).userId(), "userId");
                yield () -> jdbc.update("update payee_view set active = false, updated_at = ? where user_id = ?", now(),
                        id);
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to payees", event.type(), event.eventId());
        }
    }

    private void registered(Registered user, String type) {
        jdbc.update("""
                insert into payee_view (user_id, name, email, phone, branch_id, profile_type, active, updated_at)
                values (?, ?, ?, ?, ?, ?, true, ?)
                on conflict (user_id) do update set name = excluded.name, email = excluded.email, phone = excluded.phone,
                    branch_id = excluded.branch_id, profile_type = excluded.profile_type, active = true,
                    updated_at = excluded.updated_at""",
                IncomingEvent.uuid(user.userId(), "userId"), user.name(), user.email(), blankToNull(user.phone()),
                branch(user.branchId()), type, now());
    }

    private void updated(Updated user) {
        jdbc.update("""
                update payee_view set name = ?, email = ?, phone = ?, branch_id = ?, active = ?, updated_at = ?
                where user_id = ?""",
                user.name(), user.email(), blankToNull(user.phone()), branch(user.branchId()),
                user.active() == null || user.active(), now(), IncomingEvent.uuid(user.userId(), "userId"));
    }

    private static UUID branch(String value) {
        return value == null || value.isBlank() ? null : IncomingEvent.uuid(value, "branchId");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record Registered(String userId, String email, String name, String role, String branchId, String profileType,
            String phone) {
    }

    record Updated(String userId, String email, String name, String phone, String branchId, Boolean active) {
    }

    record Deactivated(String userId) {
    }
}
