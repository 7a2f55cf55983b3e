package dev.coachos.course.curriculum;

import jakarta.validation.constraints.Size;

/** A change to a module: the fields present are set, the absent (null) ones stay as they are. */
public record ModuleChange(@Size(min = 1, max = 200) String title, Boolean active,
        @Size(max = 200_000) String richTextContent) {
}
