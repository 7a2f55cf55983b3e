package dev.coachos.finance.dues;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.finance.InstallmentDue;
import dev.coachos.events.finance.InstallmentOverdue;
import dev.coachos.finance.FinanceEvents;
import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.plan.FeePlans;

/**
 * The daily dues job: InstallmentDue for open installments falling due within the configured days,
 * InstallmentOverdue at levels 1, 2 and 3 as an installment passes the configured days overdue
 * (only the level reached now: an installment first seen 20 days late is told once, at its level).
 * Each (installment, level) is claimed by a row with that primary key in the same transaction as
 * its event, so however many instances run the job, and however often, it is published once.
 */
@Component
public class DuesReminders {

    private static final Logger log = LoggerFactory.getLogger(DuesReminders.class);

    private final JdbcClient jdbc;
    private final FinanceEvents events;
    private final FinanceSettings settings;
    private final FeePlans plans;
    private final Clock clock;

    DuesReminders(JdbcClient jdbc, FinanceEvents events, FinanceSettings settings, FeePlans plans, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
        this.plans = plans;
        this.clock = clock;
    }

    @Scheduled(cron = "${coachos.finance.dues-cron:0 30 6 * * *}", zone = "${coachos.finance.zone:Asia/Kolkata}")
    void daily() {
        Run run = run(null);
        log.info("Dues reminders: {} due soon, {} overdue", run.due(), run.overdue());
    }

    /** Runs the job for a day (today in the institute's zone when null). */
    @Transactional
    public Run run(LocalDate day) {
        LocalDate today = day == null ? plans.today() : day;
        Timestamp now = Timestamp.from(clock.instant());
        int due = 0;
        for (Claimed c : claim(0, "i.due_date >= :today and i.due_date <= :soon", today, now)) {
            events.installmentDue(new InstallmentDue(c.installmentId().toString(), c.planId().toString(),
                    c.studentId().toString(), c.branchId() == null ? null : c.branchId().toString(), c.courseTitle(),
                    c.dueDate().toString(), c.amount().toPlainString(), c.pending().toPlainString()));
            due++;
        }
        int overdue = 0;
        List<Integer> levels = settings.overdueLevels();
        for (int level = 1; level <= 3; level++) {
            // Reached this level's days and not the next one's.
            String window = "i.due_date <= :today - " + levels.get(level - 1)
                    + (level < 3 ? " and i.due_date > :today - " + levels.get(level) : "");
            for (Claimed c : claim(level, window, today, now)) {
                events.installmentOverdue(new InstallmentOverdue(c.installmentId().toString(), c.planId().toString(),
                        c.studentId().toString(), c.branchId() == null ? null : c.branchId().toString(),
                        c.courseTitle(), c.dueDate().toString(), c.pending().toPlainString(),
                        (int) ChronoUnit.DAYS.between(c.dueDate(), today), level));
                overdue++;
            }
        }
        return new Run(today, due, overdue);
    }

    private List<Claimed> claim(int level, String window, LocalDate today, Timestamp now) {
        return jdbc.sql("""
                with claimed as (
                    insert into installment_reminder (installment_id, level, sent_at)
                    select i.id, :level, :now from installment i
                    where i.status in ('DUE', 'PARTIALLY_PAID') and i.amount > i.paid and """ + " " + window + """

                    on conflict do nothing
                    returning installment_id)
                select i.id, i.plan_id, i.student_id, i.branch_id, p.course_title, i.due_date, i.amount,
                       i.amount - i.paid as pending
                from claimed c join installment i on i.id = c.installment_id join fee_plan p on p.id = i.plan_id
                order by i.due_date, i.id""")
                .param("level", level).param("now", now).param("today", today)
                .param("soon", today.plusDays(settings.remindDaysBefore()))
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("student_id", UUID.class), rs.getObject("branch_id", UUID.class),
                        rs.getString("course_title"), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("pending")))
                .list();
    }

    private record Claimed(UUID installmentId, UUID planId, UUID studentId, UUID branchId, String courseTitle,
            LocalDate dueDate, BigDecimal amount, BigDecimal pending) {
    }

    /** What one run published. */
    public record Run(LocalDate day, int due, int overdue) {
    }
}
