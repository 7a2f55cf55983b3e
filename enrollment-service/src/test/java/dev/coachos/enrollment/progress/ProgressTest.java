package dev.coachos.enrollment.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void progressIsTheWeightedShareOfCompletedLessons() {
        Progress progress = progress(lesson(2, true), lesson(3, false), lesson(1, true));
        // (2 + 1) / 6 = 50.00%
        assertThat(progress.percent()).isEqualTo(new BigDecimal("50.00"));
        assertThat(progress.completedLessons()).isEqualTo(2);
        assertThat(progress.totalLessons()).isEqualTo(3);
        // 2 / 3 = 66.666... → 66.67 (half up)
        assertThat(progress(lesson(1, true), lesson(1, true), lesson(1, false)).percent()).isEqualTo(new BigDecimal("66.67"));
    }

    @Test
    void withEveryWeightZeroEachLessonCountsTheSame() {
        assertThat(progress(lesson(0, true), lesson(0, false), lesson(0, false)).percent()).isEqualTo(new BigDecimal("33.33"));
        assertThat(progress().percent()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theQuizAverageIsTheMeanOfTheResultsRoundedHalfUpToTwoDecimals() {
        // (75.00 + 80.00 + 80.01) / 3 = 78.336666... → 78.34
        assertThat(Progress.Quizzes.of(5, 2, new BigDecimal("235.01"), 3))
                .isEqualTo(new Progress.Quizzes(5, 2, new BigDecimal("78.34")));
        // (66.66 + 66.67) / 2 = 66.665 → 66.67, not 66.66
        assertThat(Progress.Quizzes.of(2, 0, new BigDecimal("133.33"), 2).averagePercent())
                .isEqualTo(new BigDecimal("66.67"));
        // A single result is its own average, at two decimals.
        assertThat(Progress.Quizzes.of(1, 1, new BigDecimal("100"), 1).averagePercent())
                .isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void withoutAnyResultThereIsNoQuizAverage() {
        assertThat(Progress.Quizzes.of(3, 0, null, 0)).isEqualTo(new Progress.Quizzes(3, 0, null));
        assertThat(Progress.Quizzes.of(0, 0, null, 0)).isEqualTo(new Progress.Quizzes(0, 0, null));
    }

    private static Progress progress(Progress.LessonState... lessons) {
        return Progress.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of(lessons),
                Progress.Quizzes.of(0, 0, null, 0));
    }

    private static Progress.LessonState lesson(int weight, boolean done) {
        return new Progress.LessonState(UUID.randomUUID(), weight, done);
    }
}
