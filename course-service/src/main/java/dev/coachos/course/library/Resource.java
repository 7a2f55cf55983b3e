package dev.coachos.course.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A file or link of the shared library, optionally filed under a course. */
public record Resource(UUID id, String title, Type type, String url, String description, UUID courseId, UUID createdBy,
        Instant createdAt) {

    static final String COLUMNS = "id, title, type, url, description, course_id, created_by, created_at";

    static Resource read(ResultSet rs, int row) throws SQLException {
        return new Resource(rs.getObject("id", UUID.class), rs.getString("title"), Type.valueOf(rs.getString("type")),
                rs.getString("url"), rs.getString("description"), rs.getObject("course_id", UUID.class),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant());
    }

    /** Kinds of library resources. */
    public enum Type {
        FILE, LINK, VIDEO, DOCUMENT
    }
}
