package dev.coachos.communication.delivery;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.delivery}: when SMS and WhatsApp may go, and how failed sends are retried.
 *
 * @param zone           the institute's time zone (default Asia/Kolkata)
 * @param quietFrom      no SMS or WhatsApp from this time (default 21:00)
 * @param quietUntil     until this time the next morning (default 09:00)
 * @param maxAttempts    sends tried before a delivery FAILS (default 5)
 * @param firstBackoff   the wait after the first failure, doubled after each (default 30 s)
 * @param sweepInterval  how often the log is drained (default 2 s)
 * @param concurrency    how many sends of one round are in flight at once (default 8; each records its outcome on a connection of the pool)
 */
@ConfigurationProperties("coachos.delivery")
public record DeliverySettings(ZoneId zone, LocalTime quietFrom, LocalTime quietUntil, Integer maxAttempts,
        Duration firstBackoff, Duration sweepInterval, Integer concurrency) {

    public DeliverySettings {
        zone = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
        quietFrom = quietFrom == null ? LocalTime.of(21, 0) : quietFrom;
        quietUntil = quietUntil == null ? LocalTime.of(9, 0) : quietUntil;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        concurrency = concurrency == null ? 8 : concurrency;
        if (concurrency < 1 || concurrency > 200) {
            throw new IllegalArgumentException("coachos.delivery.concurrency must be 1 to 200");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("coachos.delivery.max-attempts must be 1 to 20");
        }
        if (firstBackoff.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("coachos.delivery: backoff must not be negative, sweep-interval positive");
        }
    }
}
