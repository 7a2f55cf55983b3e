package dev.coachos.course.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.course.CourseEvents;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Which teachers (by user id) teach a course. Only assigned teachers draft versions of its
 * curriculum and set or grade its assignments; holders of {@code manage:courses} assign them.
 */
@Service
public class Teachers {

    private final JdbcClient jdbc;
    private final CourseEvents events;

    Teachers(JdbcClient jdbc, CourseEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The course's teachers, oldest assignment first; an inactive course's only for its managers and teachers. */
    @Transactional(readOnly = true)
    public List<TeacherAssignment> of(UUID courseId, Caller caller) {
        boolean active = jdbc.sql("select active from course where id = ?").param(courseId).query(Boolean.class)
                .optional().orElseThrow(() -> Problems.notFound("course", courseId));
        if (!active && !CourseAccess.manages(caller) && !teaches(caller, courseId)) {
            throw Problems.notFound("course", courseId);
        }
        return jdbc.sql("select teacher_id, assigned_by, assigned_at from course_teacher where course_id = ? order by assigned_at")
                .param(courseId)
                .query((rs, n) -> new TeacherAssignment(rs.getObject("teacher_id", UUID.class),
                        rs.getObject("assigned_by", UUID.class), rs.getTimestamp("assigned_at").toInstant()))
                .list();
    }

    /** Assigns the teacher; assigning twice changes nothing (and tells nobody twice). */
    @Transactional
    public void assign(UUID courseId, UUID teacherId, Caller caller) {
        requireCourse(courseId);
        int added = jdbc.sql("""
                insert into course_teacher (course_id, teacher_id, assigned_by, assigned_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(courseId, teacherId, caller.userId(), Timestamp.from(Instant.now())).update();
        if (added == 1) {
            events.courseTeacherAssigned(courseId, teacherId, caller.userId());
        }
    }

    /** Unassigns the teacher. Their curriculum version stays (and stays effective if approved). */
    @Transactional
    public void unassign(UUID courseId, UUID teacherId, Caller caller) {
        requireCourse(courseId);
        int removed = jdbc.sql("delete from course_teacher where course_id = ? and teacher_id = ?")
                .params(courseId, teacherId).update();
        if (removed == 1) {
            events.courseTeacherUnassigned(courseId, teacherId, caller.userId());
        }
    }

    /** Whether the caller holds {@code create:curricula} and is assigned to the course. */
    public boolean teaches(Caller caller, UUID courseId) {
        return caller.can("create:curricula") && jdbc.sql(
                "select exists (select 1 from course_teacher where course_id = ? and teacher_id = ?)")
                .params(courseId, caller.userId()).query(Boolean.class).single();
    }

    private void requireCourse(UUID courseId) {
        if (!jdbc.sql("select exists (select 1 from course where id = ?)").param(courseId).query(Boolean.class).single()) {
            throw Problems.notFound("course", courseId);
        }
    }
}
