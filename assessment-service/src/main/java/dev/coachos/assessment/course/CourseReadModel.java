package dev.coachos.assessment.course;

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
 * Keeps what this service needs of course-service: course titles, each published curriculum (the
 * official one and teachers' approved versions) with its lessons and modules, and who teaches
 * which course. Snapshots carry revisions: an older one never overwrites a newer one.
 */
@Component
class CourseReadModel {

    static final String CONSUMER = "assessment.courses";

    private static final Logger log = LoggerFactory.getLogger(CourseReadModel.class);

    private final Inbox inbox;
    private final JdbcTemplate jdbc;

    CourseReadModel(Inbox inbox, JdbcTemplate jdbc) {
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.COURSE, groupId = "assessment-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        Runnable effect = switch (event.type()) {
            case "CourseCreated" -> {
                CourseState course = event.payloadAs(CourseState.class, 1);
                yield () -> course(course, 0);
            }
            case "CourseUpdated" -> {
                CourseState course = event.payloadAs(CourseState.class, 1);
                if (course.revision() == null) {
                    throw new IncomingEvent.MalformedEvent("CourseUpdated without a revision");
                }
                yield () -> course(course, course.revision());
            }
            case "LessonsChanged" -> {
                Lessons lessons = event.payloadAs(Lessons.class, 1);
                yield () -> lessons(lessons);
            }
            case "CourseTeacherAssigned" -> {
                Teacher teacher = event.payloadAs(Teacher.class, 1);
                yield () -> assigned(teacher);
            }
            case "CourseTeacherUnassigned" -> {
                Teacher teacher = event.payloadAs(Teacher.class, 1);
                yield () -> unassigned(teacher);
            }
            default -> null;
        };
        if (effect != null) {
            inbox.applyOnce(CONSUMER, event.eventId(), effect);
            log.debug("{} {} applied to the course read model", event.type(), event.eventId());
        }
    }

    private void course(CourseState course, long revision) {
        if (course.courseId() == null || course.title() == null) {
            throw new IncomingEvent.MalformedEvent("a course event without courseId or title");
        }
        jdbc.update("""
                insert into course_view (course_id, title, active, revision, updated_at) values (?, ?, ?, ?, ?)
                on conflict (course_id) do update set title = excluded.title, active = excluded.active,
                    revision = excluded.revision, updated_at = excluded.updated_at
                where course_view.revision < excluded.revision""",
                course.courseId(), course.title(), course.active(), revision, Timestamp.from(Instant.now()));
    }

    private void lessons(Lessons lessons) {
        if (lessons.curriculumId() == null || lessons.courseId() == null) {
            throw new IncomingEvent.MalformedEvent("LessonsChanged without curriculumId or courseId");
        }
        int newer = jdbc.update("""
                insert into curriculum_view (curriculum_id, course_id, teacher_id, revision, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (curriculum_id) do update set revision = excluded.revision, updated_at = excluded.updated_at
                where curriculum_view.revision < excluded.revision""",
                lessons.curriculumId(), lessons.courseId(), lessons.teacherId(), lessons.revision(),
                Timestamp.from(Instant.now()));
        if (newer == 0) {
            return; // an older snapshot than the one kept
        }
        jdbc.update("delete from curriculum_lesson where curriculum_id = ?", lessons.curriculumId());
        jdbc.batchUpdate("""
                insert into curriculum_lesson (curriculum_id, lesson_id, module_id, position) values (?, ?, ?, ?)""",
                lessons.lessons().stream().map(l -> new Object[] {lessons.curriculumId(), l.lessonId(), l.moduleId(),
                        l.order()}).toList());
    }

    private void assigned(Teacher teacher) {
        requireIds(teacher);
        jdbc.update("""
                insert into course_teacher (course_id, teacher_id, assigned_at) values (?, ?, ?) on conflict do nothing""",
                teacher.courseId(), teacher.teacherId(), Timestamp.from(Instant.now()));
    }

    private void unassigned(Teacher teacher) {
        requireIds(teacher);
        jdbc.update("delete from course_teacher where course_id = ? and teacher_id = ?", teacher.courseId(),
                teacher.teacherId());
    }

    private static void requireIds(Teacher teacher) {
        if (teacher.courseId() == null || teacher.teacherId() == null) {
            throw new IncomingEvent.MalformedEvent("a teacher assignment without courseId or teacherId");
        }
    }

    /** CourseCreated has no revision (it is revision 0); CourseUpdated has one. */
    record CourseState(UUID courseId, String title, boolean active, Long revision) {
    }

    record Lessons(UUID curriculumId, UUID courseId, UUID teacherId, long revision, List<Lesson> lessons) {
        Lessons {
            lessons = lessons == null ? List.of() : lessons;
        }
    }

    record Lesson(UUID lessonId, UUID moduleId, int order) {
    }

    record Teacher(UUID courseId, UUID teacherId) {
    }
}
