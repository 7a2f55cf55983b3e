package dev.coachos.course.support;

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
import dev.coachos.platform.security.Caller;

/**
 * Students study the courses they are enrolled in: enrollment-service's EnrollmentCreated and
 * EnrollmentStatusChanged events keep a local table of (student, course, status). A dropped
 * enrollment ends access; active, on-hold and completed ones keep it. Staff who hold
 * {@code read:courses} (back office, marketing) read every course's published curricula.
 */
@Component
class EnrolledStudents implements StudentAccess {

    static final String CONSUMER = "course.enrollments";

    private static final Logger log = LoggerFactory.getLogger(EnrolledStudents.class);

    private final JdbcTemplate jdbc;
    private final Inbox inbox;

    EnrolledStudents(JdbcTemplate jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @Override
    public boolean mayStudy(Caller caller, UUID courseId) {
        if (caller.studentProfileId().isEmpty()) {
            return caller.can("read:courses");
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from enrolled_student where student_id = ? and course_id = ? and status <> 'DROPPED')""",
                Boolean.class, caller.userId(), courseId));
    }

    @KafkaListener(topics = Topics.ENROLLMENT, groupId = "course-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("EnrollmentCreated") && !event.type().equals("EnrollmentStatusChanged")) {
            return;
        }
        Enrollment enrollment = event.payloadAs(Enrollment.class, 1);
        if (enrollment.studentId() == null || enrollment.courseId() == null) {
            throw new IncomingEvent.MalformedEvent(event.type() + " without studentId or courseId");
        }
        String status = event.type().equals("EnrollmentCreated") ? "ACTIVE" : enrollment.status();
        if (status == null) {
            throw new IncomingEvent.MalformedEvent("EnrollmentStatusChanged without status");
        }
        inbox.applyOnce(CONSUMER, event.eventId(), () -> jdbc.update("""
                insert into enrolled_student (student_id, course_id, status, updated_at) values (?, ?, ?, ?)
                on conflict (student_id, course_id) do update set status = excluded.status, updated_at = excluded.updated_at""",
                enrollment.studentId(), enrollment.courseId(), status, Timestamp.from(Instant.now())));
        log.debug("{} {}: student {} is {} in course {}", event.type(), event.eventId(), enrollment.studentId(), status,
                enrollment.courseId());
    }

    /** The fields of enrollment-service's events used here. */
    record Enrollment(UUID studentId, UUID courseId, String status) {
    }
}
