package dev.coachos.course.enrollment;

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
 * Keeps the local table of (student, course, status) from enrollment-service's EnrollmentCreated
 * and EnrollmentStatusChanged events, each applied once. A new enrollment is ACTIVE; a status
 * change brings its new status. {@link EnrolledStudents} answers questions over the table.
 */
@Component
class EnrollmentReadModel {

    static final String CONSUMER = "course.enrollments";
    static final String CREATED = "EnrollmentCreated";
    static final String STATUS_CHANGED = "EnrollmentStatusChanged";
    /** The schema version of enrollment-service's events this consumer reads. */
    static final int UNDERSTOOD_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(EnrollmentReadModel.class);

    private final JdbcClient jdbc;
    private final Inbox inbox;

    EnrollmentReadModel(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "course-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals(CREATED) && !event.type().equals(STATUS_CHANGED)) {
            return;
        }
        Enrollment enrollment = event.payloadAs(Enrollment.class, UNDERSTOOD_VERSION);
        if (enrollment.enrollmentId() == null || enrollment.studentId() == null || enrollment.courseId() == null) {
            throw new IncomingEvent.MalformedEvent(event.type() + " without enrollmentId, studentId or courseId");
        }
        String status = event.type().equals(CREATED) ? "ACTIVE" : enrollment.status();
        if (status == null) {
            throw new IncomingEvent.MalformedEvent(STATUS_CHANGED + " without status");
        }
        inbox.applyOnce(CONSUMER, event.eventId(), () -> {
            jdbc.sql("""
                    insert into course_enrollment (enrollment_id, student_id, course_id, status, updated_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (enrollment_id) do update set status = excluded.status, updated_at = excluded.updated_at""")
                    .params(enrollment.enrollmentId(), enrollment.studentId(), enrollment.courseId(), status,
                            Timestamp.from(Instant.now()))
                    .update();
            // What was kept per student and course before enrollments were kept one by one gives way.
            jdbc.sql("delete from enrolled_student where student_id = ? and course_id = ?")
                    .params(enrollment.studentId(), enrollment.courseId()).update();
        });
        log.debug("{} {}: student {} is {} in course {}", event.type(), event.eventId(), enrollment.studentId(), status,
                enrollment.courseId());
    }

    /** This consumer's view of both events: the fields of their payloads it uses ({@code status} only in a change). */
    record Enrollment(UUID enrollmentId, UUID studentId, UUID courseId, String status) {
    }
}
