package dev.coachos.enrollment.course;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
 * Keeps what this service needs of course-service: each course's title, price and whether it
 * is active, and the ordered, weighted lesson list of each curriculum that counts for progress.
 * Snapshots carry revisions; an older one never overwrites a newer one, so replays are harmless.
 */
@Component
class CourseReadModel {

    static final String CONSUMER = "enrollment.courses";

    private static final Logger log = LoggerFactory.getLogger(CourseReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    CourseReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.COURSE, groupId = "enrollment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "CourseCreated" -> {
                CourseState course = payload(event, CourseState.class);
                yield () -> course(course, 0);
            }
            case "CourseUpdated" -> {
                CourseState course = payload(event, CourseState.class);
                if (course.revision() == null) {
                    throw new IncomingEvent.MalformedEvent("CourseUpdated without a revision");
                }
                yield () -> course(course, course.revision());
            }
            case "LessonsChanged" -> {
                Lessons lessons = payload(event, Lessons.class);
                yield () -> lessons(lessons);
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the course read model", event.type(), event.eventId());
        }
    }

    private void course(CourseState course, long revision) {
        if (course.courseId() == null || course.title() == null || course.price() == null) {
            throw new IncomingEvent.MalformedEvent("a course event without courseId, title or price");
        }
        jdbc.update("""
                insert into course_view (course_id, title, price, active, revision, updated_at) values (?, ?, ?, ?, ?, ?)
                on conflict (course_id) do update set title = excluded.title, price = excluded.price,
                    active = excluded.active, revision = excluded.revision, updated_at = excluded.updated_at
                where course_view.revision < excluded.revision""",
                course.courseId(), course.title(), course.price(), course.active(), revision,
                Timestamp.from(Instant.now()));
    }

    private void lessons(Lessons lessons) {
        if (lessons.curriculumId() == null || lessons.courseId() == null) {
            throw new IncomingEvent.MalformedEvent("LessonsChanged without curriculumId or courseId");
        }
        int newer = jdbc.update("""
                insert into curriculum_view (curriculum_id, course_id, teacher_id, revision, updated_at) values (?, ?, ?, ?, ?)
                on conflict (curriculum_id) do update set revision = excluded.revision, updated_at = excluded.updated_at
                where curriculum_view.revision < excluded.revision""",
                lessons.curriculumId(), lessons.courseId(), lessons.teacherId(), lessons.revision(),
                Timestamp.from(Instant.now()));
        if (newer == 0) {
            return; // an older snapshot than the one kept
        }
        jdbc.update("delete from curriculum_lesson where curriculum_id = ?", lessons.curriculumId());
        List<Object[]> rows = lessons.lessons().stream()
                .map(l -> new Object[] {lessons.curriculumId(), l.lessonId(), l.order(), l.weightage()}).toList();
        jdbc.batchUpdate("insert into curriculum_lesson (curriculum_id, lesson_id, position, weightage) values (?, ?, ?, ?)",
                rows);
    }

    private static <T> T payload(IncomingEvent event, Class<T> type) {
        return event.payloadAs(type, 1);
    }

    /** CourseCreated has no revision (it is revision 0); CourseUpdated has one. */
    record CourseState(UUID courseId, String title, BigDecimal price, boolean active, Long revision) {
    }

    record Lessons(UUID curriculumId, UUID courseId, UUID teacherId, long revision, List<Lesson> lessons) {
        Lessons {
            lessons = lessons == null ? List.of() : lessons;
        }
    }

    record Lesson(UUID lessonId, int order, int weightage) {
    }
}
