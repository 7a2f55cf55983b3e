package dev.coachos.communication.leave;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.leaves}: the calendar leaves are judged in and who hears of a new request.
 *
 * @param timeZone      the institute's time zone: "before it starts" means before the first day begins
 *                      there (default Asia/Kolkata)
 * @param approverRoles roles whose holders in the requester's branch hear of a new request (default
 *                      HR_MANAGER, the branch role holding manage:leaves)
 * @param maxDays       the longest leave one request may cover, in days (default 366)
 */
@ConfigurationProperties("coachos.leaves")
public record LeaveSettings(ZoneId timeZone, List<String> approverRoles, Integer maxDays) {

    public LeaveSettings {
        timeZone = timeZone == null ? ZoneId.of("Asia/Kolkata") : timeZone;
        approverRoles = approverRoles == null || approverRoles.isEmpty() ? List.of("HR_MANAGER")
                : List.copyOf(approverRoles);
        maxDays = maxDays == null ? 366 : maxDays;
        if (maxDays < 1) {
            throw new IllegalArgumentException("coachos.leaves.max-days must be at least 1");
        }
    }
}
