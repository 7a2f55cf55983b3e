package dev.coachos.marketing.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.events.marketing.LeadFollowUpDue;
import dev.coachos.marketing.MarketingEvents;

/**
 * Reminds each assignee once per follow-up: an open, assigned lead whose next follow-up time has
 * come and whose assignee was not yet reminded of that time gets one LeadFollowUpDue (communication
 * tells the assignee). Setting a new follow-up time makes a new reminder due when it comes. Rows
 * are claimed with SKIP LOCKED, so two replicas never remind twice.
 */
@Component
public class FollowUpReminders {

    private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final MarketingEvents events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    FollowUpReminders(JdbcClient jdbc, MarketingEvents events, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${coachos.marketing.follow-up-sweep-interval:PT1M}",
            initialDelayString = "${coachos.marketing.follow-up-sweep-interval:PT1M}")
    void sweep() {
        try {
            int sent;
            do {
                sent = remindDue();
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("Follow-up reminders could not be sent this time: {}", e.getMessage());
        }
    }

    /**
     * Publishes a reminder for up to one batch of due follow-ups, in one transaction of its own (the
     * claim, the marks and the events commit together); returns how many.
     */
    public int remindDue() {
        Integer sent = transactions.execute(status -> remindInTransaction());
        return sent == null ? 0 : sent;
    }

    private int remindInTransaction() {
        Instant now = clock.instant();
        record Due(UUID id, String name, String phone, UUID branchId, UUID assigneeId, String stage, Instant at) {
        }
        List<Due> due = jdbc.sql("""
                select id, name, phone, branch_id, assignee_id, stage, next_follow_up_at from lead
                 where stage not in ('CONVERTED', 'LOST') and assignee_id is not null
                   and next_follow_up_at <= :now
                   and follow_up_reminded_for is distinct from next_follow_up_at
                 order by next_follow_up_at
                 limit :batch
                 for update skip locked""")
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("phone"), rs.getObject("branch_id", UUID.class),
                        rs.getObject("assignee_id", UUID.class), rs.getString("stage"),
                        rs.getTimestamp("next_follow_up_at").toInstant()))
                .list();
        for (Due d : due) {
            jdbc.sql("update lead set follow_up_reminded_for = next_follow_up_at where id = :id").param("id", d.id())
                    .update();
            events.leadFollowUpDue(new LeadFollowUpDue(d.id().toString(), d.name(), d.phone(),
                    d.branchId() == null ? null : d.branchId().toString(), d.assigneeId().toString(), d.stage(),
                    d.at().toString()));
        }
        return due.size();
    }
}
