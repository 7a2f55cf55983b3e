package dev.coachos.finance.teaching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A batch as teacher pay sees it: its money terms (the session rate is finance's own setting), its
 * teacher now and who held it when, and for one month the sessions held and the students active on
 * any day of it while the batch ran.
 */
public record BatchPayView(UUID batchId, UUID courseId, UUID branchId, String name, LocalDate startDate,
        LocalDate endDate, String status, BigDecimal teacherCompensation, BigDecimal teacherCommission,
        BigDecimal monthlyOverhead, BigDecimal sessionRate, UUID teacherId, List<TeacherPeriod> teachers,
        YearMonth month, int sessions, int activeStudents) {

    /** A teacher's days with the batch; {@code to} null: still holds it. */
    public record TeacherPeriod(UUID teacherId, String teacherName, LocalDate from, LocalDate to) {
    }
}
