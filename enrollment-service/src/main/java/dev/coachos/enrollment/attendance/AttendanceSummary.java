package dev.coachos.enrollment.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sessions per status over a date range, in total and (for a batch) per student. */
public record AttendanceSummary(LocalDate from, LocalDate to, Counts counts, List<StudentCounts> students) {

    /** Sessions per status and the attendance rate: present or late, out of all marked sessions, in percent. */
    public record Counts(long present, long absent, long late, long excused, long total, double attendanceRate) {

        public static Counts of(Map<String, Long> byStatus) {
            long present = byStatus.getOrDefault("PRESENT", 0L);
            long absent = byStatus.getOrDefault("ABSENT", 0L);
            long late = byStatus.getOrDefault("LATE", 0L);
            long excused = byStatus.getOrDefault("EXCUSED", 0L);
            long total = present + absent + late + excused;
            double rate = total == 0 ? 0 : Math.round((present + late) * 10000.0 / total) / 100.0;
            return new Counts(present, absent, late, excused, total, rate);
        }
    }

    /** One student's counts. */
    public record StudentCounts(UUID studentId, Counts counts) {
    }
}
