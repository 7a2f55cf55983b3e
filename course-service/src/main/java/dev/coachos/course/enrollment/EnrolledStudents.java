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
        return jdbc.sql("""
                select exists (select 1 from enrolled_student where student_id = ? and course_id = ? and status <> 'DROPPED')""")
                .params(caller.userId(), courseId).query(Boolean.class).single();
    }
}
