package dev.coachos.events.assessment;

import dev.coachos.events.DomainEvent;

/**
 * A quiz was published: its questions are frozen and enrolled students may attempt it between its
 * opening and closing times. Consumers: enrollment (quizzes published, for progress), audit.
 *
 * @param quizId        the quiz (UUID)
 * @param curriculumId  the curriculum it belongs to (UUID)
 * @param courseId      that curriculum's course (UUID)
 * @param teacherId     the teacher whose curriculum version it is (user id), or null for the official one
 * @param title         its title
 * @param opensAt       when attempts may start (ISO instant), or null: at once
 * @param closesAt      when attempts end (ISO instant), or null: never
 * @param questionCount how many questions it has
 * @param maxScore      the most it can score, as a decimal string such as {@code "40.00"}
 * @param publishedBy   who published it (user id)
 */
public record QuizPublished(String quizId, String curriculumId, String courseId, String teacherId, String title,
        String opensAt, String closesAt, int questionCount, String maxScore, String publishedBy) implements DomainEvent {

    @Override
    public String aggregateId() {
        return quizId;
    }
}
