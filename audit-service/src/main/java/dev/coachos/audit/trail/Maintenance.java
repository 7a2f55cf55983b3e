package dev.coachos.audit.trail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link Retention}: the months ahead on start, then daily (UTC,
 * {@code coachos.audit.maintenance-cron}) the months ahead and the retention drops.
 */
@Component
class Maintenance {

    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);

    private final Retention retention;

    Maintenance(Retention retention) {
        this.retention = retention;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            retention.prepareMonths();
        } catch (RuntimeException e) {
            // Appends create a missing month themselves; the daily run tries again.
            log.warn("Could not create this month's and next month's audit partitions on start: {}", e.getMessage());
        }
    }

    @Scheduled(cron = "${coachos.audit.maintenance-cron:0 17 2 * * *}", zone = "UTC")
    void daily() {
        retention.prepareMonths();
        retention.apply();
    }
}
