package dev.coachos.marketing;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.coachos.platform.phone.PhoneNumbers;

/**
 * {@code coachos.marketing}: how leads are read and followed up.
 *
 * @param zone                   the institute's time zone: report date ranges are days there (default Asia/Kolkata)
 * @param defaultPhoneRegion     the region of a phone number written without a country code (default IN)
 * @param followUpSweepInterval  how often due follow-ups are looked for (default one minute)
 * @param firstFollowUpWithin    when a new lead given no follow-up time is first followed up (default four hours)
 */
@ConfigurationProperties("coachos.marketing")
public record MarketingSettings(ZoneId zone, String defaultPhoneRegion, Duration followUpSweepInterval,
        Duration firstFollowUpWithin) {

    public MarketingSettings {
        zone = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
        defaultPhoneRegion = defaultPhoneRegion == null || defaultPhoneRegion.isBlank() ? "IN"
                : defaultPhoneRegion.strip().toUpperCase(java.util.Locale.ROOT);
        followUpSweepInterval = followUpSweepInterval == null ? Duration.ofMinutes(1) : followUpSweepInterval;
        firstFollowUpWithin = firstFollowUpWithin == null ? Duration.ofHours(4) : firstFollowUpWithin;
        if (firstFollowUpWithin.isNegative()) {
            throw new IllegalArgumentException("coachos.marketing.first-follow-up-within must not be negative");
        }
        if (!PhoneNumbers.isSupportedRegion(defaultPhoneRegion)) {
            throw new IllegalArgumentException("coachos.marketing.default-phone-region must be a region code such as IN");
        }
        if (followUpSweepInterval.isNegative() || followUpSweepInterval.isZero()) {
            throw new IllegalArgumentException("coachos.marketing.follow-up-sweep-interval must be positive");
        }
    }
}
