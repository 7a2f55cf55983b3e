package dev.coachos.communication.enrollment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Who studies where, as enrollment-service's events tell it: each batch's name, course, branch and teacher
 * ({@code batch}), and each enrollment's student, batch, course and status ({@code enrollment}), so
 * an announcement can address a batch's or a course's students and a teacher is known by the batches
 * they teach. It listens in a consumer group of its own, beside {@link EnrollmentNotifications}, and
 * applies each event once. An enrollment's events share its key and a batch's theirs, so each
 * arrives in order; a change to a batch or an enrollment not known yet waits for it.
 */
@Component
class EnrollmentReadModel {

    static final String CONSUMER = "communication.enrollment-read-model";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentReadModel.class);

    private final Inbox inbox;
    private final JdbcClient jdbc;

    EnrollmentReadModel(Inbox inbox, JdbcClient jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "communication-service.enrollment-read-model")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable change = switch (event.type()) {
            case "BatchCreated" -> {
                BatchOpened batch = event.payloadAs(BatchOpened.class, 1);
                yield () -> batchOpened(batch);
            }
            case "BatchUpdated" -> {
                BatchChanged batch = event.payloadAs(BatchChanged.class, 1);
                yield () -> batchChanged(batch);
            }
            case "EnrollmentCreated" -> {
                Enrolled enrolled = event.payloadAs(Enrolled.class, 1);
                yield () -> enrollment(enrolled.enrollmentId(), enrolled.studentId(), enrolled.batchId(),
                        enrolled.courseId(), "ACTIVE");
            }
            case "EnrollmentStatusChanged" -> {
                StatusChanged changed = event.payloadAs(StatusChanged.class, 1);
                yield () -> enrollment(changed.enrollmentId(), changed.studentId(), changed.batchId(),
                        changed.courseId(), changed.status());
            }
            case "EnrollmentTransferred" -> {
                Transferred moved = event.payloadAs(Transferred.class, 1);
                yield () -> transferred(moved);
            }
            default -> null;
        };
        if (change != null) {
            boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), change);
            log.debug("{} {}: {}", event.type(), event.eventId(), applied ? "kept" : "already kept, skipped");
        }
    }

    private void batchOpened(BatchOpened batch) {
        if (batch.batchId() == null || batch.courseId() == null) {
            throw new IncomingEvent.MalformedEvent("BatchCreated without batchId or courseId");
        }
        jdbc.sql("""
                insert into batch (batch_id, course_id, branch_id, teacher_id, updated_at, name) values (?, ?, ?, ?, ?, ?)
                on conflict (batch_id) do update set course_id = excluded.course_id, branch_id = excluded.branch_id,
                    teacher_id = excluded.teacher_id, updated_at = excluded.updated_at, name = excluded.name""")
                .params(batch.batchId(), batch.courseId(), batch.branchId(), batch.teacherId(), now(),
                        name(batch.name()))
                .update();
    }

    private void batchChanged(BatchChanged batch) {
        if (batch.batchId() == null) {
            throw new IncomingEvent.MalformedEvent("BatchUpdated without batchId");
        }
        int known = jdbc.sql("update batch set teacher_id = ?, updated_at = ?, name = coalesce(?, name) where batch_id = ?")
                .params(batch.teacherId(), now(), name(batch.name()), batch.batchId()).update();
        if (known == 0) {
            throw new IncomingEvent.NotYetApplicable("batch " + batch.batchId() + " is not known yet");
        }
    }

    private void enrollment(UUID enrollmentId, UUID studentId, UUID batchId, UUID courseId, String status) {
        if (enrollmentId == null || studentId == null || batchId == null || courseId == null || status == null) {
            throw new IncomingEvent.MalformedEvent("an enrollment event without its ids or status");
        }
        jdbc.sql("""
                insert into enrollment (enrollment_id, student_id, batch_id, course_id, status, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (enrollment_id) do update set batch_id = excluded.batch_id, status = excluded.status,
                    updated_at = excluded.updated_at""")
                .params(enrollmentId, studentId, batchId, courseId, status, now()).update();
    }

    private void transferred(Transferred moved) {
        if (moved.enrollmentId() == null || moved.toBatchId() == null) {
            throw new IncomingEvent.MalformedEvent("EnrollmentTransferred without enrollmentId or toBatchId");
        }
        int known = jdbc.sql("update enrollment set batch_id = ?, updated_at = ? where enrollment_id = ?")
                .params(moved.toBatchId(), now(), moved.enrollmentId()).update();
        if (known == 0) {
            throw new IncomingEvent.NotYetApplicable("enrollment " + moved.enrollmentId() + " is not known yet");
        }
    }

    /** A batch's name as messages use it (at most 200 characters); null when the event has none. */
    private static String name(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        return stripped.length() <= 200 ? stripped : stripped.substring(0, 200);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    record BatchOpened(UUID batchId, UUID courseId, String name, UUID teacherId, UUID branchId) {
    }

    record BatchChanged(UUID batchId, String name, UUID teacherId) {
    }

    record Enrolled(UUID enrollmentId, UUID studentId, UUID courseId, UUID batchId) {
    }

    record StatusChanged(UUID enrollmentId, UUID studentId, UUID courseId, UUID batchId, String status) {
    }

    record Transferred(UUID enrollmentId, UUID toBatchId) {
    }
}
