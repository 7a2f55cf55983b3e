package dev.coachos.course.catalogue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A course as the catalogue shows it. Price is in INR. */
public record Course(UUID id, String title, String slug, String description, BigDecimal price, Level level,
        Integer durationHours, String thumbnailUrl, boolean active, boolean featured, List<String> whatYouWillLearn,
        List<String> features, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "c.id, c.title, c.slug, c.description, c.price, c.level, c.duration_hours, "
            + "c.thumbnail_url, c.active, c.featured, c.what_you_will_learn, c.features, c.created_at, c.updated_at";

    static Course read(ResultSet rs, int row) throws SQLException {
        return new Course(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("slug"),
                rs.getString("description"), rs.getBigDecimal("price"), Level.valueOf(rs.getString("level")),
                (Integer) rs.getObject("duration_hours"), rs.getString("thumbnail_url"), rs.getBoolean("active"),
                rs.getBoolean("featured"), strings(rs.getArray("what_you_will_learn")), strings(rs.getArray("features")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** The seed's course levels. */
    public enum Level {
        BEGINNER, INTERMEDIATE, ADVANCED
    }
}
