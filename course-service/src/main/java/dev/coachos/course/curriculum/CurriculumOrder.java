package dev.coachos.course.curriculum;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The order of every module of a curriculum and of every lesson in each. */
public record CurriculumOrder(@NotNull @Size(max = 500) List<@Valid @NotNull ModuleOrder> modules) {

    /** One module and its lessons, in order. */
    public record ModuleOrder(@NotNull UUID moduleId, @Size(max = 2000) List<@NotNull UUID> lessonIds) {
    }
}
