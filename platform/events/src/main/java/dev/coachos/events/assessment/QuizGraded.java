package dev.coachos.events.assessment;

import dev.coachos.events.DomainEvent;

/**
 * An attempt's result changed after its submission: a teacher graded the answers that waited for
 * them or overrode a mark, or a regrade applied a new answer key. Consumers: communication (tells
 * the student), enrollment (quiz results in progress), audit.
 *
 * @param attemptId     the attempt (UUID)
 * @param quizId        the quiz (UUID)
 * @param courseId      the quiz's course (UUID)
 * @param studentId     the student's user id
 * @param quizTitle     the quiz's title, for messages
 * @param reason        MANUAL (a teacher's grading) or REGRADE (a new answer key)
 * @param previousScore the score before, as a decimal string
 * @param score         the score now, as a decimal string
 * @param maxScore      the most the quiz can score, as a decimal string
 * @param percent       score as a percentage of maxScore, two decimals, as a string
 * @param passed        whether it reaches the passing score now; null while answers still wait
 * @param status        GRADED, or PENDING_REVIEW while answers still wait for a teacher
 * @param gradedBy      who graded or regraded (user id)
 * @param result        the student's result on the quiz now, by its grading method over their graded
 *                      attempts; null while none is graded
 * @param marksVisible  whether the quiz's review settings let the student see their marks now
 */
public record QuizGraded(String attemptId, String quizId, String courseId, String studentId, String quizTitle,
        String reason, String previousScore, String score, String maxScore, String percent, Boolean passed,
        String status, String gradedBy, QuizResult result, boolean marksVisible) implements DomainEvent {

    @Override
    public String aggregateId() {
        return attemptId;
    }
}
