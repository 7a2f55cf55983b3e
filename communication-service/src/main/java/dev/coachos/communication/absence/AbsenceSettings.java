package dev.coachos.communication.absence;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.absences}: absence alerts and streaks.
 *
 * @param streak     consecutive absences in a batch that are told to its staff and teacher (default 3)
 * @param staffRoles the roles, in the batch's branch, told of a streak (default BACKOFFICE)
 * @param zone       the institute's time zone, in which "today" is judged (default Asia/Kolkata)
 */
@ConfigurationProperties("coachos.absences")
public record AbsenceSettings(Integer streak, List<String> staffRoles, ZoneId zone) {

    public AbsenceSettings {
        streak = streak == null ? 3 : streak;
        staffRoles = staffRoles == null || staffRoles.isEmpty() ? List.of("BACKOFFICE") : List.copyOf(staffRoles);
        zone = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
        if (streak < 1 || streak > 100) {
            throw new IllegalArgumentException("coachos.absences.streak must be 1 to 100");
        }
    }
}
