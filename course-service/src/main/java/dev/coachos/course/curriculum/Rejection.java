package dev.coachos.course.curriculum;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a reviewer sends a version back to its teacher. */
public record Rejection(@NotBlank @Size(max = 2000) String reason) {
}
