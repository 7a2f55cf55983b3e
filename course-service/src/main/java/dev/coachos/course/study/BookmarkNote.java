package dev.coachos.course.study;

import jakarta.validation.constraints.Size;

/** The reader's note on a bookmark (may be null). */
public record BookmarkNote(@Size(max = 500) String note) {
}
