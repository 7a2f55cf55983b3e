package dev.coachos.communication.announcement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled announcements once their time comes, every
 * {@code coachos.announcements.sweep-interval}. Each is claimed once however many instances sweep
 * ({@link Announcements#publishDue}).
 */
@Component
class ScheduledPublishing {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublishing.class);

    private final Announcements announcements;

    ScheduledPublishing(Announcements announcements) {
        this.announcements = announcements;
    }

    @Scheduled(fixedDelayString = "${coachos.announcements.sweep-interval:PT1M}",
            initialDelayString = "${coachos.announcements.sweep-interval:PT1M}")
    void sweep() {
        int published;
        do {
            published = announcements.publishDue();
            if (published > 0) {
                log.info("Published {} scheduled announcements", published);
            }
        } while (published == 200);
    }
}
