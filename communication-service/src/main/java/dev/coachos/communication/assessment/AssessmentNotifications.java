package dev.coachos.communication.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;

/**
 * Tells people about quiz attempts, once per event however often it arrives: the student their
 * result when an attempt is submitted (or their score so far when some answers wait for a
 * teacher), the teacher who grades it that answers wait for them, and the student their new
 * result when the grading of an attempt is complete or a mark changes after it. A grade that
 * leaves other answers still waiting tells nobody: the student hears once the last one is graded.
 * QuizPublished names no students, so it is not acted on here.
 */
@Component
class AssessmentNotifications {

    static final String CONSUMER = "communication.assessment";

    /** An attempt's status while some of its answers wait for a teacher. */
    private static final String PENDING_REVIEW = "PENDING_REVIEW";

    private static final Logger log = LoggerFactory.getLogger(AssessmentNotifications.class);

    private final Inbox inbox;
    private final Notifications notifications;
    private final Directory directory;

    AssessmentNotifications(Inbox inbox, Notifications notifications, Directory directory) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.ASSESSMENT, groupId = "communication-service")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        List<NewNotification> toSend = switch (event.type()) {
            case "QuizSubmitted" -> submitted(event.payloadAs(Submitted.class, 1));
            case "QuizGraded" -> graded(event.payloadAs(Graded.class, 1));
            default -> List.of();
        };
        if (toSend.isEmpty()) {
            return;
        }
        boolean applied = inbox.applyOnce(CONSUMER, event.eventId(), () -> notifications.send(toSend));
        log.info("{} {}: {}", event.type(), event.eventId(),
                applied ? toSend.size() + " notification(s) created" : "already applied, skipped");
    }

    private List<NewNotification> submitted(Submitted submitted) {
        UUID student = IncomingEvent.uuid(submitted.studentId(), "studentId");
        String link = link(submitted.attemptId());
        if (Boolean.FALSE.equals(submitted.marksVisible())) {
            // The quiz keeps marks hidden for now (until it closes, say): no score in the message.
            List<NewNotification> toSend = new ArrayList<>(List.of(new NewNotification(student, "Quiz submitted",
                    "Your answers to " + submitted.quizTitle() + " are in. Your result will be shown when the quiz "
                            + "allows it.", Notification.Type.INFO, link)));
            teacherToGrade(submitted, student, link).ifPresent(toSend::add);
            return toSend;
        }
        if (!PENDING_REVIEW.equals(submitted.status())) {
            return List.of(new NewNotification(student, "Quiz result",
                    result(submitted.quizTitle(), submitted.score(), submitted.maxScore(), submitted.percent(),
                            submitted.passed()),
                    outcome(submitted.passed()), link));
        }
        List<NewNotification> toSend = new ArrayList<>();
        toSend.add(new NewNotification(student, "Quiz submitted",
                submitted.quizTitle() + ": " + submitted.score() + " of " + submitted.maxScore()
                        + " so far. Some answers wait for your teacher's grading; you will hear your result then.",
                Notification.Type.INFO, link));
        teacherToGrade(submitted, student, link).ifPresent(toSend::add);
        return toSend;
    }

    /** For the teacher who grades, when answers of the attempt wait for them. */
    private java.util.Optional<NewNotification> teacherToGrade(Submitted submitted, UUID student, String link) {
        if (!PENDING_REVIEW.equals(submitted.status()) || submitted.teacherId() == null) {
            return java.util.Optional.empty();
        }
        String who = directory.name(student).orElse("A student");
        return java.util.Optional.of(new NewNotification(IncomingEvent.uuid(submitted.teacherId(), "teacherId"),
                "Answers to grade", who + " submitted an attempt at " + submitted.quizTitle()
                        + " with answers waiting for your grading.", Notification.Type.INFO, link));
    }

    private static List<NewNotification> graded(Graded graded) {
        if (PENDING_REVIEW.equals(graded.status()) || Boolean.FALSE.equals(graded.marksVisible())) {
            return List.of();
        }
        String how = "REGRADE".equals(graded.reason()) ? "Your attempt was regraded with a new answer key. "
                : "Your teacher graded your attempt. ";
        return List.of(new NewNotification(IncomingEvent.uuid(graded.studentId(), "studentId"), "Quiz graded",
                how + result(graded.quizTitle(), graded.score(), graded.maxScore(), graded.percent(), graded.passed()),
                outcome(graded.passed()), link(graded.attemptId())));
    }

    /** Such as "Newton's laws check: 9.00 of 12.00 (75.00%), passed." */
    private static String result(String quiz, String score, String maxScore, String percent, Boolean passed) {
        return quiz + ": " + score + " of " + maxScore + " (" + percent + "%), "
                + (Boolean.TRUE.equals(passed) ? "passed." : "not passed.");
    }

    private static Notification.Type outcome(Boolean passed) {
        return Boolean.TRUE.equals(passed) ? Notification.Type.SUCCESS : Notification.Type.WARNING;
    }

    private static String link(String attemptId) {
        return "/attempts/" + IncomingEvent.uuid(attemptId, "attemptId");
    }

    /** The fields of assessment-service's QuizSubmitted used here. */
    record Submitted(String attemptId, String studentId, String quizTitle, String status, String score,
            String maxScore, String percent, Boolean passed, String teacherId, Boolean marksVisible) {
    }

    /** The fields of assessment-service's QuizGraded used here. */
    record Graded(String attemptId, String studentId, String quizTitle, String reason, String score, String maxScore,
            String percent, Boolean passed, String status, Boolean marksVisible) {
    }
}
