package dev.coachos.finance;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coachos.finance}: how plans are raised and dues are judged.
 *
 * @param monthsWithoutEnd  months a MONTHLY fee runs for a batch with no end date (default 12)
 * @param zone              the institute's time zone: "today", due dates and financial years (default Asia/Kolkata)
 * @param instituteName     the name printed on receipts
 * @param duesCron          when the daily dues job runs, in {@code zone}
 * @param remindDaysBefore  InstallmentDue is published this many days before the due date (default 3)
 * @param overdueLevels     days after the due date at which overdue levels 1, 2 and 3 start (default 1, 7, 15)
 */
@ConfigurationProperties("coachos.finance")
public record FinanceSettings(Integer monthsWithoutEnd, ZoneId zone, String instituteName, String duesCron,
        Integer remindDaysBefore, List<Integer> overdueLevels) {

    public FinanceSettings {
        monthsWithoutEnd = monthsWithoutEnd == null ? 12 : monthsWithoutEnd;
        zone = zone == null ? ZoneId.of("Asia/Kolkata") : zone;
        instituteName = instituteName == null || instituteName.isBlank() ? "Coaching Center" : instituteName.strip();
        duesCron = duesCron == null ? "0 30 6 * * *" : duesCron;
        remindDaysBefore = remindDaysBefore == null ? 3 : remindDaysBefore;
        overdueLevels = overdueLevels == null || overdueLevels.isEmpty() ? List.of(1, 7, 15) : List.copyOf(overdueLevels);
        if (monthsWithoutEnd < 1 || monthsWithoutEnd > 60) {
            throw new IllegalArgumentException("coachos.finance.months-without-end must be 1 to 60");
        }
        if (remindDaysBefore < 0 || overdueLevels.size() != 3 || overdueLevels.get(0) < 1
                || overdueLevels.get(1) <= overdueLevels.get(0) || overdueLevels.get(2) <= overdueLevels.get(1)) {
            throw new IllegalArgumentException("coachos.finance: remind-days-before must not be negative and "
                    + "overdue-levels must be three rising day counts from 1, such as 1,7,15");
        }
    }
}
