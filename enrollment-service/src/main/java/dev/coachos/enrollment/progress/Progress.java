package dev.coachos.enrollment.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * A student's progress in a course: the weighted share of completed lessons of the curriculum
 * they follow, in percent with two decimals (half up), and their results on that curriculum's
 * quizzes.
 */
public record Progress(UUID studentId, UUID courseId, UUID curriculumId, long completedLessons, long totalLessons,
        BigDecimal percent, List<LessonState> lessons, Quizzes quizzes) {

    /** One lesson of the curriculum, its weight and whether the student completed it. */
    public record LessonState(UUID lessonId, int weightage, boolean completed) {
    }

    /**
     * The quizzes published on the curriculum: how many, how many the student passed, and the
     * average of the student's result percents over the quizzes they have a result on (two
     * decimals, half up; null without any result).
     */
    public record Quizzes(long published, long passed, BigDecimal averagePercent) {

        /** From the count of quizzes, of those passed, and the sum of the student's result percents over {@code results} quizzes. */
        public static Quizzes of(long published, long passed, BigDecimal percentSum, long results) {
            BigDecimal average = results == 0 || percentSum == null ? null
                    : percentSum.divide(BigDecimal.valueOf(results), 2, RoundingMode.HALF_UP);
            return new Quizzes(published, passed, average);
        }
    }

    /** Progress over these lessons (in curriculum order); with all weights zero, every lesson counts the same. */
    public static Progress of(UUID student, UUID course, UUID curriculum, List<LessonState> lessons, Quizzes quizzes) {
        long total = lessons.stream().mapToLong(LessonState::weightage).sum();
        long done = lessons.stream().filter(LessonState::completed).mapToLong(LessonState::weightage).sum();
        long completed = lessons.stream().filter(LessonState::completed).count();
        if (total == 0) {
            total = lessons.size();
            done = completed;
        }
        BigDecimal percent = total == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new Progress(student, course, curriculum, completed, lessons.size(), percent, List.copyOf(lessons),
                quizzes);
    }
}
