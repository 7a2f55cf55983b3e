package dev.coachos.communication.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Notifications: sent by the listeners that hear of other services' events, read and marked
 * read by their owner only. Someone else's notification is not found, so its existence does not
 * leak.
 */
@Service
public class Notifications {

    /** Newest first unless asked otherwise. */
    private static final Sorting SORTING = Sorting.of(java.util.Map.of("createdAt", "n.created_at"),
            "n.created_at desc", "n.id desc");

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one notification, unread, in the caller's transaction (see {@link #send(List)}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(NewNotification notification) {
        send(List.of(notification));
    }

    /**
     * Stores the notifications, unread. It joins the caller's transaction, which must exist: a
     * listener records the event it is applying in the same one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(List<NewNotification> notifications) {
        for (NewNotification n : notifications) {
            jdbc.sql("""
                    insert into notification (id, user_id, title, message, type, is_read, link, created_at, version)
                    values (?, ?, ?, ?, ?, false, ?, ?, 0)""")
                    .params(UuidV7.next(), n.userId(), n.title(), n.message(), n.type().name(), n.link(),
                            Timestamp.from(Instant.now()))
                    .update();
        }
    }

    /**
     * Stores the same notification, unread, for each of the users, in one statement however many
     * they are (an announcement's thousands of recipients), in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendToEach(List<UUID> users, String title, String message, Notification.Type type, String link) {
        if (users.isEmpty()) {
            return;
        }
        List<UUID> ids = users.stream().map(u -> UuidV7.next()).toList();
        jdbc.sql("""
                insert into notification (id, user_id, title, message, type, is_read, link, created_at, version)
                select t.id, t.user_id, ?, ?, ?, false, ?, ?, 0
                from unnest(cast(? as uuid[]), cast(? as uuid[])) as t(id, user_id)""")
                .params(title, message, type.name(), link, Timestamp.from(Instant.now()), array(ids), array(users))
                .update();
    }

    /** A PostgreSQL array literal of the ids, bound as one parameter. */
    private static String array(List<UUID> ids) {
        StringBuilder text = new StringBuilder(ids.size() * 37 + 2).append('{');
        for (int i = 0; i < ids.size(); i++) {
            text.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return text.append('}').toString();
    }

    /** The caller's notifications (only the unread ones if asked), newest first. */
    @Transactional(readOnly = true)
    public PageResponse<Notification> mine(Caller caller, boolean unreadOnly, Paging paging) {
        Where where = Where.always().and("n.user_id = :me", "me", caller.userId());
        if (unreadOnly) {
            where.and("not n.is_read");
        }
        return PagedQuery.page(jdbc, Notification.COLUMNS, "notification n", where, SORTING, paging,
                Notification::readRow);
    }

    /** Marks one of the caller's notifications read; one already read keeps the time it was first read. */
    @Transactional
    public Notification markRead(UUID id, Caller caller) {
        jdbc.sql("""
                update notification set is_read = true, read_at = ?, version = version + 1
                where id = ? and user_id = ? and not is_read""")
                .params(Timestamp.from(Instant.now()), id, caller.userId()).update();
        return jdbc.sql("select " + Notification.COLUMNS + " from notification n where n.id = ? and n.user_id = ?")
                .params(id, caller.userId()).query(Notification::readRow).optional()
                .orElseThrow(() -> Problems.notFound("notification", id));
    }

    /** Marks every unread notification of the caller read; returns how many it marked. */
    @Transactional
    public int markAllRead(Caller caller) {
        return jdbc.sql("""
                update notification set is_read = true, read_at = ?, version = version + 1
                where user_id = ? and not is_read""")
                .params(Timestamp.from(Instant.now()), caller.userId()).update();
    }
}
