package dev.coachos.course.enrollment;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.coachos.platform.security.Caller;

/**
 * Students study the courses they are enrolled in, as enrollment-service's events recorded
 * here ({@link EnrollmentReadModel}). A dropped enrollment ends access; active, on-hold and
 * completed ones keep it. Staff who hold {@code read:courses} (back office, marketing) read every
 * course's published curricula.
 */
@Service
public class EnrolledStudents {

    private final JdbcClient jdbc;

    EnrolledStudents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the caller may study the course's lessons and submit its assignments. */
    public boolean mayStudy(Caller caller, UUID courseId) {
        if (caller.studentProfileId().isEmpty()) {
            return caller.can("read:courses");
        }
        // A seat taken (waiting in line or offered a seat is not yet studying); rows kept before
        // enrollments were kept one by one count until an event replaces them.
        return jdbc.sql("""
                select exists (select 1 from course_enrollment where student_id = :student and course_id = :course
                                 and status in ('ACTIVE', 'ON_HOLD', 'COMPLETED'))
                    or exists (select 1 from enrolled_student where student_id = :student and course_id = :course
                                 and status <> 'DROPPED')""")
                .param("student", caller.userId()).param("course", courseId).query(Boolean.class).single();
    }
}
