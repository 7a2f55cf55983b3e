package dev.coachos.enrollment.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.enrollment.EnrollmentEvents;
import dev.coachos.enrollment.Scope;
import dev.coachos.events.enrollment.LessonCompleted;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Lesson progress. A student follows their batch teacher's approved curriculum, else the official
 * one; its lessons and weights come from course-service's LessonsChanged events kept here, and its
 * quizzes and the student's results from assessment-service's events, so progress works while
 * either service is down.
 */
@Service
public class ProgressReports {

    private final JdbcClient jdbc;
    private final EnrollmentEvents events;

    ProgressReports(JdbcClient jdbc, EnrollmentEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Marks a lesson complete for the calling student; marking it again changes nothing and publishes nothing. */
    @Transactional
    public Progress complete(UUID courseId, UUID lessonId, Caller caller) {
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
            events.lessonCompleted(new LessonCompleted(caller.userId().toString(), courseId.toString(),
                    lessonId.toString(), progress.percent().toPlainString()));
        }
        return progress;
    }

    /** The caller's own progress in a course. */
    @Transactional(readOnly = true)
    public Progress mine(UUID courseId, Caller caller) {
        return progress(caller.userId(), courseId, followed(caller.userId(), courseId, false));
    }

    /** A student's progress, for their teacher and staff in reach. */
    @Transactional(readOnly = true)
    public Progress of(UUID courseId, UUID studentId, Caller caller) {
        record Place(UUID branch, UUID teacher) {
        }
        jdbc.sql("""
                select e.branch_id, b.teacher_id from enrollment e join batch b on b.id = e.batch_id
                where e.student_id = ? and e.course_id = ? order by (e.status = 'DROPPED'), e.enrolled_at desc
                limit 1""").params(studentId, courseId)
                .query((rs, n) -> new Place(rs.getObject("branch_id", UUID.class), rs.getObject("teacher_id", UUID.class)))
                .optional()
                .filter(p -> Scope.of(caller, "read:enrollments").reachesBatch(p.branch(), p.teacher()) || caller.is(studentId))
                .orElseThrow(() -> Problems.notFound("enrollment of student " + studentId + " in course", courseId));
        return progress(studentId, courseId, followed(studentId, courseId, false));
    }

    /**
     * The curriculum the student follows in the course (through their live enrollment, else the
     * latest dropped one); 404 without an enrollment, 409 before its lessons are known.
     */
    private UUID followed(UUID student, UUID course, boolean mustBeActive) {
        record Enrolled(String status, Optional<UUID> curriculum) {
        }
        Enrolled enrolled = jdbc.sql("""
                select e.status, (select cv.curriculum_id from curriculum_view cv
                                  where cv.course_id = e.course_id and (cv.teacher_id = b.teacher_id or cv.teacher_id is null)
                                  order by cv.teacher_id nulls last limit 1) as curriculum_id
                from enrollment e join batch b on b.id = e.batch_id where e.student_id = ? and e.course_id = ?
                order by (e.status = 'DROPPED'), e.enrolled_at desc limit 1""")
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

    /**
     * Every lesson of the curriculum with the student's completions, in one statement, and the
     * curriculum's quizzes with the student's results, in another.
     */
    private Progress progress(UUID student, UUID course, UUID curriculum) {
        List<Progress.LessonState> lessons = jdbc.sql("""
                select cl.lesson_id, cl.weightage, lp.lesson_id is not null as done
                from curriculum_lesson cl left join lesson_progress lp on lp.lesson_id = cl.lesson_id and lp.student_id = ?
                where cl.curriculum_id = ? order by cl.position""")
                .params(student, curriculum)
                .query((rs, n) -> new Progress.LessonState(rs.getObject("lesson_id", UUID.class), rs.getInt("weightage"),
                        rs.getBoolean("done")))
                .list();
        Progress.Quizzes quizzes = jdbc.sql("""
                select count(*) as published, count(*) filter (where qr.passed) as passed,
                       sum(qr.percent) as percent_sum, count(qr.percent) as results
                from quiz_view q left join quiz_result qr on qr.quiz_id = q.quiz_id and qr.student_id = ?
                where q.curriculum_id = ?""")
                .params(student, curriculum)
                .query((rs, n) -> Progress.Quizzes.of(rs.getLong("published"), rs.getLong("passed"),
                        rs.getBigDecimal("percent_sum"), rs.getLong("results")))
                .single();
        return Progress.of(student, course, curriculum, lessons, quizzes);
    }
}
