package dev.coachos.events.assessment;

import dev.coachos.events.DomainEvent;

/**
 * A student's attempt was submitted (by them, or by the sweep when their time ran out) and graded
 * as far as it can be at once. Consumers: communication (tells the student their result, the
 * teacher when answers wait for grading), enrollment (quiz results in progress), audit.
 *
 * @param attemptId   the attempt (UUID)
 * @param quizId      the quiz (UUID)
 * @param courseId    the quiz's course (UUID)
 * @param studentId   the student's user id
 * @param quizTitle   the quiz's title, for messages
 * @param attempt     the attempt's number for this student and quiz, from 1
 * @param status      GRADED, or PENDING_REVIEW when answers wait for a teacher
 * @param score       the points scored so far, as a decimal string (may be negative with negative marks)
 * @param maxScore    the most the quiz can score, as a decimal string
 * @param percent     score as a percentage of maxScore, two decimals, as a string
 * @param passed      whether it reached the passing score; null while PENDING_REVIEW
 * @param submittedBy STUDENT, or DEADLINE when the sweep submitted it
 * @param teacherId   who grades it: the teacher of the student's batch, else of the quiz's curriculum
 *                    version; null when neither is known (staff with manage:quizzes grade it)
 * @param result      the student's result on the quiz after this attempt, by the quiz's grading method
 *                    over their graded attempts; null while none is graded
 * @param marksVisible whether the quiz's review settings let the student see their marks now (a
 *                    message to the student gives no score when they do not)
 */
public record QuizSubmitted(String attemptId, String quizId, String courseId, String studentId, String quizTitle,
        int attempt, String status, String score, String maxScore, String percent, Boolean passed, String submittedBy,
        String teacherId, QuizResult result, boolean marksVisible) implements DomainEvent {

    @Override
    public String aggregateId() {
        return attemptId;
    }
}
