package dev.coachos.events.assessment;

/**
 * A student's result on a quiz: the quiz's grading method (HIGHEST, AVERAGE, FIRST or LAST) over
 * their graded attempts. Consumers keep the newest per student and quiz.
 *
 * @param gradingMethod how the attempts were combined
 * @param gradedAttempts how many graded attempts it combines
 * @param score          the combined score, as a decimal string
 * @param maxScore       the most the quiz can score, as a decimal string
 * @param percent        score as a percentage of maxScore, two decimals, as a string
 * @param passed         whether the combined score reaches the passing percentage
 */
public record QuizResult(String gradingMethod, int gradedAttempts, String score, String maxScore, String percent,
        boolean passed) {
}
