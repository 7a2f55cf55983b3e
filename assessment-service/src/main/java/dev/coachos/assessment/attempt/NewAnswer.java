package dev.coachos.assessment.attempt;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The answer to one question: the options picked (none clears the answer), or for a short-answer
 * question its text (blank clears it).
 */
public record NewAnswer(@Size(max = 20) List<@NotNull UUID> optionIds, @Size(max = 1000) String text) {
}
