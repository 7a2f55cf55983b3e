package dev.coachos.assessment.grading;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A student's answer to one question: the options picked (for choice questions) or the text typed
 * (for short-answer questions).
 *
 * @param selectedOptionIds the options picked; never {@code null}, empty when none
 * @param text              the text typed; {@code null} or blank when none
 */
public record Answer(Set<UUID> selectedOptionIds, String text) {

    /** No answer at all. */
    public static final Answer NONE = new Answer(Set.of(), null);

    public Answer {
        selectedOptionIds = selectedOptionIds == null ? Set.of() : Set.copyOf(selectedOptionIds);
    }

    /** An answer picking these options. */
    public static Answer ofOptions(UUID... optionIds) {
        return new Answer(Set.copyOf(List.of(optionIds)), null);
    }

    /** An answer picking these options. */
    public static Answer ofOptions(Collection<UUID> optionIds) {
        return new Answer(Set.copyOf(optionIds), null);
    }

    /** An answer typing this text. */
    public static Answer ofText(String text) {
        return new Answer(Set.of(), text);
    }

    /** Whether no option is picked and no text typed (whitespace alone is no text). */
    public boolean isEmpty() {
        return selectedOptionIds.isEmpty() && !hasText();
    }

    /** Whether some text other than whitespace was typed. */
    public boolean hasText() {
        return !Text.isBlank(text);
    }
}
