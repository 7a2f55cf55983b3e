package dev.coachos.assessment.enrollment;

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
 * Keeps what this service needs of enrollment-service: each batch's course, branch and teacher,
 * and each enrollment's student, batch and status. An enrollment's events share its key, so they
 * arrive in order; a status change for an enrollment not seen yet creates it.
 */
@Component
class EnrollmentReadModel {

    static final String CONSUMER = "assessment.enrollments";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    EnrollmentReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "assessment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "BatchCreated" -> {
                BatchCreated batch = event.payloadAs(BatchCreated.class, 1);
                yield () -> batchCreated(batch);
            }
            case "BatchUpdated" -> {
                BatchUpdated batch = event.payloadAs(BatchUpdated.class, 1);
                yield () -> batchUpdated(batch);
            }
            case "EnrollmentCreated" -> {
                Enrolled enrolled = event.payloadAs(Enrolled.class, 1);
                yield () -> enrollment(enrolled.enrollmentId(), enrolled.studentId(), enrolled.courseId(),
                        enrolled.batchId(), enrolled.branchId(), "ACTIVE");
            }
            case "EnrollmentStatusChanged" -> {
                StatusChanged changed = event.payloadAs(StatusChanged.class, 1);
                yield () -> enrollment(changed.enrollmentId(), changed.studentId(), changed.courseId(),
                        changed.batchId(), null, changed.status());
            }
            case "EnrollmentTransferred" -> {
                Transferred moved = event.payloadAs(Transferred.class, 1);
                yield () -> transferred(moved);
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the enrollment read model", event.type(), event.eventId());
        }
    }

    private void batchCreated(BatchCreated batch) {
        if (batch.batchId() == null || batch.courseId() == null || batch.name() == null) {
            throw new IncomingEvent.MalformedEvent("BatchCreated without batchId, courseId or name");
        }
        jdbc.update("""
                insert into batch_view (batch_id, course_id, branch_id, teacher_id, name, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (batch_id) do update set course_id = excluded.course_id, branch_id = excluded.branch_id,
                    teacher_id = excluded.teacher_id, name = excluded.name, updated_at = excluded.updated_at""",
                batch.batchId(), batch.courseId(), batch.branchId(), batch.teacherId(), batch.name(), now());
    }

    private void batchUpdated(BatchUpdated batch) {
        if (batch.batchId() == null) {
            throw new IncomingEvent.MalformedEvent("BatchUpdated without batchId");
        }
        int known = jdbc.update("""
                update batch_view set name = coalesce(?, name), teacher_id = ?, updated_at = ? where batch_id = ?""",
                batch.name(), batch.teacherId(), now(), batch.batchId());
        if (known == 0) {
            // Its BatchCreated is on the same partition, before it: only a malformed history lacks it.
            throw new IncomingEvent.NotYetApplicable("batch " + batch.batchId() + " is not known yet");
        }
    }

    private void enrollment(UUID enrollmentId, UUID studentId, UUID courseId, UUID batchId, UUID branchId,
            String status) {
        if (enrollmentId == null || studentId == null || courseId == null || batchId == null || status == null) {
            throw new IncomingEvent.MalformedEvent("an enrollment event without its ids or status");
        }
        jdbc.update("""
                insert into enrollment_view (enrollment_id, student_id, course_id, batch_id, branch_id, status, updated_at)
                values (?, ?, ?, ?, coalesce(?, (select branch_id from batch_view where batch_id = ?)), ?, ?)
                on conflict (enrollment_id) do update set status = excluded.status, batch_id = excluded.batch_id,
                    branch_id = coalesce(excluded.branch_id, enrollment_view.branch_id),
                    updated_at = excluded.updated_at""",
                enrollmentId, studentId, courseId, batchId, branchId, batchId, status, now());
    }

    private void transferred(Transferred moved) {
        if (moved.enrollmentId() == null || moved.toBatchId() == null) {
            throw new IncomingEvent.MalformedEvent("EnrollmentTransferred without enrollmentId or toBatchId");
        }
        int known = jdbc.update("""
                update enrollment_view set batch_id = ?,
                    branch_id = coalesce(?, (select branch_id from batch_view where batch_id = ?), branch_id),
                    updated_at = ? where enrollment_id = ?""",
                moved.toBatchId(), moved.toBranchId(), moved.toBatchId(), now(), moved.enrollmentId());
        if (known == 0) {
            throw new IncomingEvent.NotYetApplicable("enrollment " + moved.enrollmentId() + " is not known yet");
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record BatchCreated(UUID batchId, UUID courseId, String name, UUID teacherId, UUID branchId) {
    }

    record BatchUpdated(UUID batchId, String name, UUID teacherId) {
    }

    record Enrolled(UUID enrollmentId, UUID studentId, UUID courseId, UUID batchId, UUID branchId) {
    }

    record StatusChanged(UUID enrollmentId, UUID studentId, UUID courseId, UUID batchId, String status) {
    }

    record Transferred(UUID enrollmentId, UUID studentId, UUID courseId, UUID toBatchId, UUID toBranchId) {
    }
}
