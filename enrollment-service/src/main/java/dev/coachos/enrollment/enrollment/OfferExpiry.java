package dev.coachos.enrollment.enrollment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.coachos.events.Actor;
import dev.coachos.messaging.outbox.CurrentActor;

/**
 * Sweeps offered seats whose deadline passed ({@code coachos.enrollment.offer-sweep}, every minute
 * by default): each goes to the next in line. Safe with several instances running.
 */
@Component
class OfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

    private final Enrollments enrollments;

    OfferExpiry(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    @Scheduled(fixedDelayString = "${coachos.enrollment.offer-sweep:PT1M}",
            initialDelayString = "${coachos.enrollment.offer-sweep:PT1M}")
    void sweep() {
        // The events of expired offers and promotions name this job as their cause.
        CurrentActor.runAs(Actor.job("offer-expiry"), () -> {
            int expired;
            do {
                expired = enrollments.expireOffers(100);
                if (expired > 0) {
                    log.info("{} offered seat(s) expired and went to the next in line", expired);
                }
            } while (expired == 100);
        });
    }
}
