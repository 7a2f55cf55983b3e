package dev.coachos.course.catalogue;

import java.math.BigDecimal;
import java.util.UUID;

/** A course at its place ({@code position}, from 1) in a roadmap. */
public record RoadmapCourse(UUID id, int position, String title, String slug, Course.Level level, BigDecimal price,
        boolean active) {
}
