package dev.coachos.communication.results;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.delivery.Deliveries;
import dev.coachos.communication.delivery.OutgoingMessage;
import dev.coachos.communication.delivery.Purpose;
import dev.coachos.communication.delivery.Recipient;
import dev.coachos.communication.identity.Directory;
import dev.coachos.events.Topics;
import dev.coachos.messaging.inbox.Inbox;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.messaging.inbox.IncomingEvent.MalformedEvent;

/**
 * Sends a student their quiz result on the channels (QUIZ_RESULT), once per event: a QuizSubmitted
 * or QuizGraded whose attempt is GRADED (no answer waits for a teacher) and whose marks the quiz
 * lets the student see now. A regrade is a new event and so a new result. Listens in a consumer
 * group of its own, beside the in-app notifications of {@code assessment}.
 */
@Component
class QuizResults {

    static final String CONSUMER = "communication.quiz-results";

    private static final Logger log = LoggerFactory.getLogger(QuizResults.class);

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Directory directory;

    QuizResults(Inbox inbox, Deliveries deliveries, Directory directory) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.ASSESSMENT, groupId = "communication-service.quiz-results")
    @Transactional
    void on(String value) {
        IncomingEvent event = IncomingEvent.read(value);
        if (!event.type().equals("QuizSubmitted") && !event.type().equals("QuizGraded")) {
            return;
        }
        Result result = event.payloadAs(Result.class, 1);
        if (!"GRADED".equals(result.status()) || !Boolean.TRUE.equals(result.marksVisible())) {
            return;
        }
        UUID student = IncomingEvent.uuid(result.studentId(), "studentId");
        if (result.quizTitle() == null || result.score() == null || result.maxScore() == null
                || result.percent() == null) {
            throw new MalformedEvent(event.type() + " GRADED without its quiz title, score, maximum or percent");
        }
        UUID source = event.eventId();
        boolean applied = inbox.applyOnce(CONSUMER, source, () -> {
            Directory.Contact contact = directory.contact(student).orElse(null);
            Recipient recipient = contact == null ? Recipient.user(student, null, null, null)
                    : Recipient.user(student, contact.name(), contact.email(), contact.phone());
            String name = contact == null || contact.name() == null || contact.name().isBlank() ? "Student"
                    : contact.name();
            deliveries.queue(new OutgoingMessage(Purpose.QUIZ_RESULT, source, recipient,
                    Map.of("studentName", name, "quizTitle", result.quizTitle(), "score", result.score(),
                            "maxScore", result.maxScore(), "percent", result.percent()),
                    "attempt:" + IncomingEvent.uuid(result.attemptId(), "attemptId")));
        });
        log.debug("{} {}: {}", event.type(), source, applied ? "result queued" : "already applied, skipped");
    }

    /** The fields of assessment-service's QuizSubmitted and QuizGraded used here. */
    record Result(String attemptId, String studentId, String quizTitle, String status, String score,
            String maxScore, String percent, Boolean marksVisible) {
    }
}
