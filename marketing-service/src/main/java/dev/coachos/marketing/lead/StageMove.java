package dev.coachos.marketing.lead;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A move along the pipeline: the stage, the reason (for LOST) and, for an open stage, optionally the next follow-up. */
public record StageMove(@NotNull Stage stage, @Size(max = 500) String reason, Instant nextFollowUpAt) {
}
