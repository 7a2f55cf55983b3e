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

    private static Progress progress(Progress.LessonState... lessons) {
        return Progress.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of(lessons));
    }

    private static Progress.LessonState lesson(int weight, boolean done) {
        return new Progress.LessonState(UUID.randomUUID(), weight, done);
    }
}
