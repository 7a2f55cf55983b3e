package dev.coachos.assessment.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.coachos.assessment.grading.ShortAnswerKey.TextKey;

/** A question's key refuses shapes grading could not make sense of. */
class QuestionKeyTest {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final UUID C = new UUID(0, 3);

    @Test
    void pointsMustBeMoreThanZeroAndNegativePointsZeroOrMore() {
        assertThatThrownBy(() -> QuestionKey.multipleChoice(d("0"), d("0"), 4, A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> QuestionKey.multipleChoice(d("-1"), d("0"), 4, A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than zero");
        assertThatThrownBy(() -> QuestionKey.multipleChoice(d("4"), d("-1"), 4, A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or more");
    }

    @Test
    void onlyAMultipleSelectQuestionHasAPolicyAndItMustHaveOne() {
        assertThatThrownBy(() -> QuestionKey.multipleSelect(d("4"), d("0"), null, 4, Set.of(A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a policy");
        assertThatThrownBy(() -> new QuestionKey(QuestionType.MULTIPLE_CHOICE, d("4"), d("0"),
                MultiSelectPolicy.ALL_OR_NOTHING, 4, Set.of(A), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a multiple-select");
    }

    @Test
    void singleAnswerQuestionsHaveExactlyOneCorrectOption() {
        assertThatThrownBy(() -> new QuestionKey(QuestionType.MULTIPLE_CHOICE, d("4"), d("1"), null, 4, Set.of(A, B),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 1");
        assertThatThrownBy(() -> new QuestionKey(QuestionType.MULTIPLE_CHOICE, d("4"), d("1"), null, 4, Set.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly 1");
        assertThatThrownBy(() -> QuestionKey.multipleChoice(d("4"), d("1"), 1, A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 options");
    }

    @Test
    void trueFalseHasTwoOptions() {
        assertThat(QuestionKey.trueFalse(d("1"), d("0"), A).optionCount()).isEqualTo(2);
        assertThatThrownBy(() -> new QuestionKey(QuestionType.TRUE_FALSE, d("1"), d("0"), null, 3, Set.of(A),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 options");
    }

    @Test
    void multipleSelectHasFromOneToAllOptionsCorrect() {
        assertThat(QuestionKey.multipleSelect(d("4"), d("0"), MultiSelectPolicy.ALL_OR_NOTHING, 3, Set.of(A, B, C))
                .correctOptionIds()).hasSize(3);
        assertThatThrownBy(() -> QuestionKey.multipleSelect(d("4"), d("0"), MultiSelectPolicy.ALL_OR_NOTHING, 2,
                Set.of(A, B, C))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 2");
        assertThatThrownBy(() -> QuestionKey.multipleSelect(d("4"), d("0"), MultiSelectPolicy.ALL_OR_NOTHING, 4,
                Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 4");
    }

    @Test
    void shortAnswerKeysBelongOnlyToShortAnswerQuestionsAndOptionsOnlyToTheOthers() {
        assertThatThrownBy(() -> new QuestionKey(QuestionType.MULTIPLE_CHOICE, d("4"), d("0"), null, 4, Set.of(A),
                List.of(new TextKey("x", false, 100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("short-answer keys");
        assertThatThrownBy(() -> new QuestionKey(QuestionType.SHORT_ANSWER, d("4"), d("0"), null, 2, Set.of(A),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no options");
    }

    @Test
    void missingCollectionsAreEmptyAndGivenOnesAreCopied() {
        List<ShortAnswerKey> keys = new ArrayList<>(List.of(new TextKey("x", false, 100)));
        QuestionKey key = new QuestionKey(QuestionType.SHORT_ANSWER, d("1"), d("0"), null, 0, null, keys);
        keys.clear();

        assertThat(key.correctOptionIds()).isEmpty();
        assertThat(key.shortKeys()).hasSize(1);
        assertThat(new QuestionKey(QuestionType.SHORT_ANSWER, d("1"), d("0"), null, 0, null, null).shortKeys())
                .isEmpty();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
