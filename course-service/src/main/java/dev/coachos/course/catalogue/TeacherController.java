package dev.coachos.course.catalogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.coachos.course.support.CourseAccess;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Which teachers (by user id) teach a course. Only assigned teachers draft versions of its
 * curriculum and set or grade its assignments.
 */
@RestController
@RequestMapping("/api/v1/courses/{courseId}/teachers")
class TeacherController {

    private final JdbcClient jdbc;
    private final CourseAccess access;

    TeacherController(JdbcClient jdbc, CourseAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @GetMapping
    @PreAuthorize("@permissions.allow('read:courses')")
    @Transactional(readOnly = true)
    List<TeacherAssignment> list(@PathVariable UUID courseId) {
        boolean active = jdbc.sql("select active from course where id = ?").param(courseId).query(Boolean.class)
                .optional().orElseThrow(() -> Problems.notFound("course", courseId));
        Caller caller = Caller.current();
        if (!active && !CourseAccess.manages(caller) && !access.teaches(caller, courseId)) {
            throw Problems.notFound("course", courseId);
        }
        return jdbc.sql("select teacher_id, assigned_by, assigned_at from course_teacher where course_id = ? order by assigned_at")
                .param(courseId)
                .query((rs, n) -> new TeacherAssignment(rs.getObject("teacher_id", UUID.class),
                        rs.getObject("assigned_by", UUID.class), rs.getTimestamp("assigned_at").toInstant()))
                .list();
    }

    /** Assigns the teacher; assigning twice changes nothing. */
    @PutMapping("/{teacherId}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Transactional
    ResponseEntity<Void> assign(@PathVariable UUID courseId, @PathVariable UUID teacherId) {
        requireCourse(courseId);
        jdbc.sql("""
                insert into course_teacher (course_id, teacher_id, assigned_by, assigned_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(courseId, teacherId, Caller.current().userId(), Timestamp.from(Instant.now())).update();
        return ResponseEntity.noContent().build();
    }

    /** Unassigns the teacher. Their curriculum version stays (and stays effective if approved). */
    @DeleteMapping("/{teacherId}")
    @PreAuthorize("@permissions.allow('manage:courses')")
    @Transactional
    ResponseEntity<Void> unassign(@PathVariable UUID courseId, @PathVariable UUID teacherId) {
        requireCourse(courseId);
        jdbc.sql("delete from course_teacher where course_id = ? and teacher_id = ?").params(courseId, teacherId).update();
        return ResponseEntity.noContent().build();
    }

    private void requireCourse(UUID courseId) {
        if (!jdbc.sql("select exists (select 1 from course where id = ?)").param(courseId).query(Boolean.class).single()) {
            throw Problems.notFound("course", courseId);
        }
    }

    record TeacherAssignment(UUID teacherId, UUID assignedBy, Instant assignedAt) {
    }
}
