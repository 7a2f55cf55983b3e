package dev.coachos.enrollment.communication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.attendance.LeaveExcusals;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Hears communication-service's leave decisions, each once: a student's APPROVED leave records
 * EXCUSED for their scheduled sessions in its range; a CANCELLED one takes back what its approval
 * recorded. Rejections and the leaves of teachers and staff change nothing here.
 */
@Component
class LeaveDecisions {

    static final String CONSUMER = "enrollment.leaves";

    private static final Logger log = LoggerFactory.getLogger(LeaveDecisions.class);

    private final Inbox inbox;
    private final LeaveExcusals excusals;

    LeaveDecisions(Inbox inbox, LeaveExcusals excusals) {
        this.inbox = inbox;
        this.excusals = excusals;
    }

    @KafkaListener(topics = Topics.COMMUNICATION, groupId = "enrollment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("LeaveDecided")) {
            return;
        }
        Decided leave = event.payloadAs(Decided.class, 1);
        if (!"STUDENT".equals(leave.profileType())) {
            return;
        }
        Runnable effect = switch (leave.decision() == null ? "" : leave.decision()) {
            case "APPROVED" -> approved(leave);
            case "CANCELLED" -> {
                UUID id = IncomingEvent.uuid(leave.leaveId(), "leaveId");
                yield () -> log.debug("Leave {} cancelled: {} excused sessions withdrawn", id, excusals.withdraw(id));
            }
            case "REJECTED" -> null;
            default -> throw new IncomingEvent.MalformedEvent("LeaveDecided with decision " + leave.decision());
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
        }
    }

    private Runnable approved(Decided leave) {
        UUID id = IncomingEvent.uuid(leave.leaveId(), "leaveId");
        UUID student = IncomingEvent.uuid(leave.userId(), "userId");
        UUID decidedBy = IncomingEvent.uuid(leave.decidedBy(), "decidedBy");
        LocalDate from = date(leave.fromDate(), "fromDate");
        LocalDate to = date(leave.toDate(), "toDate");
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= LeaveExcusals.MAX_DAYS) {
            throw new IncomingEvent.MalformedEvent("LeaveDecided from " + from + " to " + to
                    + ": the range must be forwards and at most " + LeaveExcusals.MAX_DAYS + " days");
        }
        LeaveExcusals.HalfDay halfDay = halfDay(leave.halfDay());
        Instant decidedAt = instant(leave.decidedAt());
        return () -> log.debug("Leave {} approved: {} sessions excused", id,
                excusals.excuse(id, student, from, to, halfDay, decidedBy, decidedAt));
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IncomingEvent.MalformedEvent("LeaveDecided " + field + " is not an ISO date: " + value);
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IncomingEvent.MalformedEvent("LeaveDecided decidedAt is not an ISO instant: " + value);
        }
    }

    private static LeaveExcusals.HalfDay halfDay(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LeaveExcusals.HalfDay.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.MalformedEvent("LeaveDecided halfDay must be AM, PM or null, was " + value);
        }
    }

    /** The fields of communication's LeaveDecided this consumer uses. */
    record Decided(String leaveId, String userId, String profileType, String fromDate, String toDate, String halfDay,
            String decision, String decidedBy, String decidedAt) {
    }
}
