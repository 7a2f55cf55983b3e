package dev.coachos.enrollment.enrollment;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The batch of the same course an enrollment moves to, and why. */
public record Transfer(@NotNull UUID batchId, @Size(max = 500) String reason) {
}
