package dev.coachos.course.curriculum;

import jakarta.validation.constraints.Size;

/** The name a teacher gives their version of a curriculum (may be null). */
public record VersionName(@Size(max = 200) String versionName) {
}
