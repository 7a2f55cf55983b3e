package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** An answer is empty when no option is picked and nothing but whitespace is typed. */
class AnswerTest {

    @Test
    void anAnswerIsEmptyWithoutOptionsOrText() {
        assertThat(Answer.NONE.isEmpty()).isTrue();
        assertThat(new Answer(null, null).isEmpty()).isTrue();
        assertThat(new Answer(null, null).selectedOptionIds()).isEmpty();
        assertThat(Answer.ofText(" \t\u00a0").isEmpty()).isTrue();
        assertThat(Answer.ofText("x").isEmpty()).isFalse();
        assertThat(Answer.ofOptions(new UUID(0, 1)).isEmpty()).isFalse();
    }
}
