package dev.coachos.assessment.course;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Lookups over the course read model: curricula, their lessons and modules, who teaches what. */
@Service
public class Courses {

    private final JdbcClient jdbc;

    Courses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A published curriculum: its course and, for a teacher's version, that teacher. */
    public record Curriculum(UUID curriculumId, UUID courseId, UUID teacherId) {
    }

    public Optional<Curriculum> curriculum(UUID curriculumId) {
        return jdbc.sql("select curriculum_id, course_id, teacher_id from curriculum_view where curriculum_id = ?")
                .param(curriculumId)
                .query((rs, n) -> new Curriculum(rs.getObject("curriculum_id", UUID.class),
                        rs.getObject("course_id", UUID.class), rs.getObject("teacher_id", UUID.class)))
                .optional();
    }

    /** Whether the lesson is one of the curriculum's (as last published). */
    public boolean hasLesson(UUID curriculumId, UUID lessonId) {
        return jdbc.sql("select exists (select 1 from curriculum_lesson where curriculum_id = ? and lesson_id = ?)")
                .params(curriculumId, lessonId).query(Boolean.class).single();
    }

    /** Whether the module is one of the curriculum's (it holds at least one of its published lessons). */
    public boolean hasModule(UUID curriculumId, UUID moduleId) {
        return jdbc.sql("select exists (select 1 from curriculum_lesson where curriculum_id = ? and module_id = ?)")
                .params(curriculumId, moduleId).query(Boolean.class).single();
    }

    /** Whether the user is a teacher assigned to the course. */
    public boolean teaches(UUID userId, UUID courseId) {
        return jdbc.sql("select exists (select 1 from course_teacher where course_id = ? and teacher_id = ?)")
                .params(courseId, userId).query(Boolean.class).single();
    }

    /** The course's title, when it is known. */
    public Optional<String> title(UUID courseId) {
        return jdbc.sql("select title from course_view where course_id = ?").param(courseId).query(String.class)
                .optional();
    }
}
