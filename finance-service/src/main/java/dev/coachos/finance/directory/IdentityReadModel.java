package dev.coachos.finance.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
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
 * Keeps branches and students from identity-service's events. Events of one user (or one branch)
 * share a key and arrive in order; a branch's event is its whole state, so the newest wins.
 */
@Component
class IdentityReadModel {

    static final String CONSUMER = "finance.identity";

    private static final Logger log = LoggerFactory.getLogger(IdentityReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    IdentityReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.IDENTITY, groupId = "finance-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "BranchOpened", "BranchUpdated" -> {
                BranchState branch = event.payloadAs(BranchState.class, 1);
                yield () -> branch(branch);
            }
            case "UserRegistered" -> {
                Registered user = event.payloadAs(Registered.class, 1);
                // Only students have fee plans; staff accounts are not kept.
                yield "STUDENT".equals(user.profileType()) || "STUDENT".equals(user.role())
                        ? () -> student(IncomingEvent.uuid(user.userId(), "userId"), user.name(), user.email(),
                                user.branchId())
                        : null;
            }
            case "UserUpdated" -> {
                Updated user = event.payloadAs(Updated.class, 1);
                yield () -> updated(IncomingEvent.uuid(user.userId(), "userId"), user.name(), user.email(),
                        user.branchId());
            }
            case "StudentProfileUpdated" -> {
                Profile profile = event.payloadAs(Profile.class, 1);
                yield () -> stateOf(IncomingEvent.uuid(profile.userId(), "userId"), profile.stateCode());
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the identity read model", event.type(), event.eventId());
        }
    }

    private void branch(BranchState b) {
        UUID id = IncomingEvent.uuid(b.branchId(), "branchId");
        if (b.code() == null || b.name() == null || b.receiptSeries() == null) {
            throw new IncomingEvent.MalformedEvent("a branch event without code, name or receiptSeries");
        }
        jdbc.update("""
                insert into branch_view (branch_id, code, name, city, state, state_code, gstin, receipt_series, active, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (branch_id) do update set code = excluded.code, name = excluded.name, city = excluded.city,
                    state = excluded.state, state_code = excluded.state_code, gstin = excluded.gstin,
                    receipt_series = excluded.receipt_series, active = excluded.active, updated_at = excluded.updated_at""",
                id, b.code(), b.name(), b.city(), b.state(), blankToNull(b.stateCode()), blankToNull(b.gstin()),
                b.receiptSeries().toUpperCase(Locale.ROOT), b.active(), now());
    }

    private void student(UUID id, String name, String email, String branchId) {
        jdbc.update("""
                insert into student_view (student_id, name, email, branch_id, updated_at) values (?, ?, ?, ?, ?)
                on conflict (student_id) do update set name = excluded.name, email = excluded.email,
                    branch_id = excluded.branch_id, updated_at = excluded.updated_at""",
                id, name, email, uuidOrNull(branchId), now());
    }

    private void updated(UUID id, String name, String email, String branchId) {
        // Only students already known are kept current: an update of a staff account is no business here.
        jdbc.update("update student_view set name = ?, email = ?, branch_id = ?, updated_at = ? where student_id = ?",
                name, email, uuidOrNull(branchId), now(), id);
    }

    private void stateOf(UUID id, String stateCode) {
        // The profile may be told before the account's event is seen here: keep the state either way.
        jdbc.update("""
                insert into student_view (student_id, state_code, updated_at) values (?, ?, ?)
                on conflict (student_id) do update set state_code = excluded.state_code, updated_at = excluded.updated_at""",
                id, blankToNull(stateCode), now());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID uuidOrNull(String value) {
        return value == null || value.isBlank() ? null : IncomingEvent.uuid(value, "branchId");
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record BranchState(String branchId, String code, String name, String city, String state, String stateCode,
            String gstin, String receiptSeries, boolean active) {
    }

    record Registered(String userId, String email, String name, String role, String branchId, String profileType) {
    }

    record Updated(String userId, String email, String name, String branchId) {
    }

    record Profile(String userId, String stateCode) {
    }
}
