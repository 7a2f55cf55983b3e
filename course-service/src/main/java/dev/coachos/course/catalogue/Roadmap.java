package dev.coachos.course.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An ordered learning path through courses, with its courses in order. */
public record Roadmap(UUID id, String title, String slug, String description, boolean active, Instant createdAt,
        List<RoadmapCourse> courses) {

    Roadmap withCourses(List<RoadmapCourse> inOrder) {
        return new Roadmap(id, title, slug, description, active, createdAt, inOrder);
    }
}
