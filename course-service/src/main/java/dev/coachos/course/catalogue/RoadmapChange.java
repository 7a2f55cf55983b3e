package dev.coachos.course.catalogue;

import jakarta.validation.constraints.Size;

/** A change to a roadmap: the fields present are set, the absent (null) ones stay as they are. */
public record RoadmapChange(@Size(min = 1, max = 200) String title, @Size(max = 20_000) String description,
        Boolean active) {
}
