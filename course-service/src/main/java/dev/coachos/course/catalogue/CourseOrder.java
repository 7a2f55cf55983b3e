package dev.coachos.course.catalogue;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A roadmap's courses, all of them, in their new order. */
public record CourseOrder(@NotNull @Size(max = 200) List<@NotNull UUID> courseIds) {
}
