package dev.coachos.assessment;

import org.springframework.stereotype.Component;

import dev.coachos.events.DomainEvent;
import dev.coachos.events.Topics;
import dev.coachos.events.assessment.QuizGraded;
import dev.coachos.events.assessment.QuizPublished;
import dev.coachos.events.assessment.QuizSubmitted;
import dev.coachos.messaging.outbox.Outbox;

/**
 * The events assessment-service publishes, one method each, and the only caller of the outbox:
 * each is stored in the transaction of the change it reports and relayed to
 * {@value dev.coachos.events.Topics#ASSESSMENT} afterwards.
 */
@Component
public class AssessmentEvents {

    private final Outbox outbox;

    AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void quizPublished(QuizPublished event) {
        publish(event);
    }

    public void quizSubmitted(QuizSubmitted event) {
        publish(event);
    }

    public void quizGraded(QuizGraded event) {
        publish(event);
    }

    private void publish(DomainEvent event) {
        outbox.publish(Topics.ASSESSMENT, dev.coachos.events.assessment.AssessmentEvents.typeOf(event),
                dev.coachos.events.assessment.AssessmentEvents.SCHEMA_VERSION, event);
    }
}
