package dev.coachos.assessment.attempt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.coachos.assessment.AssessmentSettings;
import dev.coachos.events.Actor;
import dev.coachos.messaging.outbox.CurrentActor;

/**
 * Submits attempts whose time ran out while their student was away, with the answers they had
 * saved, every {@code coachos.assessment.sweep-every}: a batch per transaction, overdue ones
 * first; several instances share the work (rows are claimed with SKIP LOCKED).
 */
@Component
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final Attempts attempts;
    private final int batch;

    DeadlineSweep(Attempts attempts, AssessmentSettings settings) {
        this.attempts = attempts;
        this.batch = settings.sweepBatch();
    }

    /** Submits every overdue attempt, a batch per transaction, as the job {@code quiz-deadline}; answers how many. */
    @Scheduled(fixedDelayString = "${coachos.assessment.sweep-every:PT30S}",
            initialDelayString = "${coachos.assessment.sweep-every:PT30S}")
    public int sweep() {
        int[] total = {0};
        CurrentActor.runAs(Actor.job("quiz-deadline"), () -> {
            int submitted;
            do {
                submitted = attempts.submitOverdue(batch);
                total[0] += submitted;
            } while (submitted == batch);
        });
        if (total[0] > 0) {
            log.info("Submitted {} attempt(s) whose time ran out", total[0]);
        }
        return total[0];
    }
}
