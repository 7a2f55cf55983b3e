package dev.coachos.enrollment.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.enrollment.support.EnrollmentEventPublisher;
import dev.coachos.enrollment.support.Scope;
import dev.coachos.events.enrollment.LessonCompleted;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Lesson progress. A student's progress in a course is the weighted share of completed lessons
 * of the curriculum they follow: their batch teacher's approved version, else the official one.
 * Lessons and weights come from course-service's LessonsChanged events kept here, so progress
 * works while course-service is down.
 */
@RestController
class ProgressController {

    private final JdbcClient jdbc;
    private final EnrollmentEventPublisher events;

    ProgressController(JdbcClient jdbc, EnrollmentEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Marks a lesson complete for the calling student; marking it again changes nothing. */
    @PostMapping("/api/v1/progress/courses/{courseId}/lessons/{lessonId}/complete")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional
    Progress complete(@PathVariable UUID courseId, @PathVariable UUID lessonId) {
        Caller caller = Caller.current();
        if (caller.studentProfileId().isEmpty()) {
            throw Problems.forbidden("Only students mark their lessons complete");
        }
        UUID curriculum = followed(caller.userId(), courseId, true);
        boolean inCurriculum = jdbc.sql("select exists (select 1 from curriculum_lesson where curriculum_id = ? and lesson_id = ?)")
                .params(curriculum, lessonId).query(Boolean.class).single();
        if (!inCurriculum) {
            throw Problems.invalidField("lessonId", "lesson " + lessonId + " is not in the curriculum you follow");
        }
        int added = jdbc.sql("""
                insert into lesson_progress (student_id, lesson_id, course_id, completed_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(caller.userId(), lessonId, courseId, Timestamp.from(Instant.now())).update();
        Progress progress = progress(caller.userId(), courseId, curriculum);
        if (added == 1) {
            events.publish(new LessonCompleted(caller.userId().toString(), courseId.toString(), lessonId.toString(),
                    progress.percent().toPlainString()));
        }
        return progress;
    }

    @GetMapping("/api/v1/progress/courses/{courseId}")
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional(readOnly = true)
    Progress mine(@PathVariable UUID courseId) {
        UUID me = Caller.current().userId();
        return progress(me, courseId, followed(me, courseId, false));
    }

    /** A student's progress, for their teacher and staff in reach. */
    @GetMapping("/api/v1/progress/courses/{courseId}/students/{studentId}")
    @PreAuthorize("@permissions.allow('read:enrollments')")
    @Transactional(readOnly = true)
    Progress of(@PathVariable UUID courseId, @PathVariable UUID studentId) {
        Caller caller = Caller.current();
        record Place(UUID branch, UUID teacher) {
        }
        jdbc.sql("""
                select e.branch_id, b.teacher_id from enrollment e join batch b on b.id = e.batch_id
                where e.student_id = ? and e.course_id = ?""").params(studentId, courseId)
                .query((rs, n) -> new Place(rs.getObject("branch_id", UUID.class), rs.getObject("teacher_id", UUID.class)))
                .optional().filter(p -> Scope.of(caller, "read:enrollments").reachesBatch(p.branch(), p.teacher()) || caller.is(studentId))
                .orElseThrow(() -> Problems.notFound("enrollment of student " + studentId + " in course", courseId));
        return progress(studentId, courseId, followed(studentId, courseId, false));
    }

    /** The curriculum the student follows in the course; 404 without an enrollment, 409 before its lessons are known. */
    private UUID followed(UUID student, UUID course, boolean mustBeActive) {
        record Enrolled(String status, Optional<UUID> curriculum) {
        }
        Enrolled enrolled = jdbc.sql("""
                select e.status, (select cv.curriculum_id from curriculum_view cv
                                  where cv.course_id = e.course_id and (cv.teacher_id = b.teacher_id or cv.teacher_id is null)
                                  order by cv.teacher_id nulls last limit 1) as curriculum_id
                from enrollment e join batch b on b.id = e.batch_id where e.student_id = ? and e.course_id = ?""")
                .params(student, course)
                .query((rs, n) -> new Enrolled(rs.getString("status"),
                        Optional.ofNullable(rs.getObject("curriculum_id", UUID.class))))
                .optional().orElseThrow(() -> Problems.notFound("enrollment in course", course));
        if (mustBeActive && !enrolled.status().equals("ACTIVE")) {
            throw Problems.conflict("Your enrollment in this course is " + enrolled.status());
        }
        return enrolled.curriculum().orElseThrow(() -> Problems.conflict(
                "The lessons of this course are not known here yet; try again shortly"));
    }

    /** Weighted progress in one statement; with all weights zero, every lesson counts the same. */
    private Progress progress(UUID student, UUID course, UUID curriculum) {
        record Row(UUID lesson, int weight, boolean done) {
        }
        List<Row> rows = jdbc.sql("""
                select cl.lesson_id, cl.weightage, lp.lesson_id is not null as done
                from curriculum_lesson cl left join lesson_progress lp on lp.lesson_id = cl.lesson_id and lp.student_id = ?
                where cl.curriculum_id = ? order by cl.position""")
                .params(student, curriculum)
                .query((rs, n) -> new Row(rs.getObject("lesson_id", UUID.class), rs.getInt("weightage"), rs.getBoolean("done")))
                .list();
        long total = rows.stream().mapToLong(Row::weight).sum();
        long done = rows.stream().filter(Row::done).mapToLong(Row::weight).sum();
        if (total == 0) {
            total = rows.size();
            done = rows.stream().filter(Row::done).count();
        }
        BigDecimal percent = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new Progress(student, course, curriculum, rows.stream().filter(Row::done).count(), rows.size(), percent,
                rows.stream().map(r -> new LessonState(r.lesson(), r.weight(), r.done())).toList());
    }

    record LessonState(UUID lessonId, int weightage, boolean completed) {
    }

    record Progress(UUID studentId, UUID courseId, UUID curriculumId, long completedLessons, long totalLessons,
            BigDecimal percent, List<LessonState> lessons) {
    }
}
