package dev.coachos.communication.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;

/**
 * The breach sweep: a query past its first-response target with no answer yet, or past its
 * resolution target while that clock runs, is told to the branch's managers (the roles in
 * {@code coachos.queries.manager-roles} of its branch; head office's roles when the branch has
 * none). Each (query, kind) is claimed by setting its notified-at column where it is still empty,
 * in the transaction that stores the notifications: however many instances sweep, and however
 * often, the managers hear of it once.
 */
@Component
public class QueryBreaches {

    private static final Logger log = LoggerFactory.getLogger(QueryBreaches.class);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Notifications notifications;
    private final QuerySettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    QueryBreaches(JdbcClient jdbc, Directory directory, Notifications notifications, QuerySettings settings,
            Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${coachos.queries.sweep-interval:PT1M}",
            initialDelayString = "${coachos.queries.sweep-interval:PT1M}")
    void scheduled() {
        Sweep sweep = sweep();
        if (sweep.firstResponse() + sweep.resolution() > 0) {
            log.info("Query breaches: {} first responses and {} resolutions past their targets", sweep.firstResponse(),
                    sweep.resolution());
        }
    }

    /** Claims the breaches not told yet and tells the managers, in one transaction; returns how many. */
    public Sweep sweep() {
        return transaction.execute(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            List<Breach> firstResponses = claim("""
                    update support_query set first_response_breach_notified_at = :now
                    where first_response_breach_notified_at is null and first_response_at is null
                      and closed_at is null and first_response_due_at < :now
                    returning id, branch_id, subject, priority, first_response_due_at as due_at""", now);
            List<Breach> resolutions = claim("""
                    update support_query set resolution_breach_notified_at = :now
                    where resolution_breach_notified_at is null and paused_at is null and resolution_due_at < :now
                    returning id, branch_id, subject, priority, resolution_due_at as due_at""", now);
            List<NewNotification> sent = new ArrayList<>();
            for (Breach b : firstResponses) {
                for (UUID manager : managers(b.branchId())) {
                    sent.add(new NewNotification(manager, "Query unanswered past its target",
                            "\"" + b.subject() + "\" (" + b.priority() + ") had no answer by " + b.dueAt() + ".",
                            Notification.Type.WARNING, "/queries/" + b.id()));
                }
            }
            for (Breach b : resolutions) {
                for (UUID manager : managers(b.branchId())) {
                    sent.add(new NewNotification(manager, "Query unresolved past its target",
                            "\"" + b.subject() + "\" (" + b.priority() + ") was not resolved by " + b.dueAt() + ".",
                            Notification.Type.WARNING, "/queries/" + b.id()));
                }
            }
            notifications.send(sent);
            return new Sweep(firstResponses.size(), resolutions.size());
        });
    }

    private List<Breach> claim(String sql, Timestamp now) {
        return jdbc.sql(sql).param("now", now)
                .query((rs, n) -> new Breach(rs.getObject("id", UUID.class), rs.getObject("branch_id", UUID.class),
                        rs.getString("subject"), rs.getString("priority"), rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    /** The branch's managers; head office when the branch has none (or the query has no branch). */
    private List<UUID> managers(UUID branch) {
        List<UUID> managers = branch == null ? List.of() : directory.inBranchWithRoles(branch, settings.managerRoles());
        return managers.isEmpty() ? directory.withRoles(settings.headOfficeRoles()) : managers;
    }

    private record Breach(UUID id, UUID branchId, String subject, String priority, Instant dueAt) {
    }

    /** How many first-response and resolution breaches one sweep claimed. */
    public record Sweep(int firstResponse, int resolution) {
    }
}
