package dev.coachos.course.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Work set on a curriculum (and optionally one of its lessons), due at a time, worth {@code maxPoints}. */
public record Assignment(UUID id, UUID curriculumId, UUID courseId, UUID lessonId, String title,
        String instructions, Instant dueAt, int maxPoints, UUID createdBy, Instant createdAt) {

    static final String SELECT = """
            select a.id, a.curriculum_id, cu.course_id, a.lesson_id, a.title, a.instructions, a.due_at, a.max_points,
                   a.created_by, a.created_at
            from assignment a join curriculum cu on cu.id = a.curriculum_id""";

    static Assignment read(ResultSet rs, int row) throws SQLException {
        return new Assignment(rs.getObject("id", UUID.class), rs.getObject("curriculum_id", UUID.class),
                rs.getObject("course_id", UUID.class), rs.getObject("lesson_id", UUID.class), rs.getString("title"),
                rs.getString("instructions"), rs.getTimestamp("due_at").toInstant(), rs.getInt("max_points"),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant());
    }
}
