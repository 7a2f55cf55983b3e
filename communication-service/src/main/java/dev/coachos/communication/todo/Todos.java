package dev.coachos.communication.todo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Todos: anyone keeps their own; staff and teachers also give todos to other active users the
 * directory knows, who are told in a notification. A todo is read and changed only by the one who
 * made it and the one it is given to; to everyone else it does not exist (404).
 */
@Service
public class Todos {

    /** What {@code relatedType} may be: an upper-case name such as LEAD, QUERY or STUDENT. */
    static final String RELATED_TYPE = "[A-Z][A-Z_]{0,39}";

    private static final Sorting SORTING = Sorting.of(Map.of(
            "dueDate", "t.due_date",
            "priority", Todo.Priority.rankOf("t.priority"),
            "createdAt", "t.created_at"), "t.created_at desc", "t.id desc").nullsLast("dueDate");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Notifications notifications;
    private final ZoneId zone;

    Todos(JdbcClient jdbc, Directory directory, Notifications notifications,
            @Value("${coachos.todos.time-zone:Asia/Kolkata}") String zone) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.notifications = notifications;
        this.zone = ZoneId.of(zone);
    }

    /** Makes a todo, the caller's own unless it names someone else; that someone is told. */
    @Transactional
    public Todo create(NewTodo todo, Caller caller) {
        requireWhole(todo.relatedType(), todo.relatedId());
        UUID assignee = todo.assigneeId() == null ? caller.userId() : todo.assigneeId();
        mayAssign(assignee, caller);
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into todo (id, created_by, assignee_id, description, due_date, priority, status, related_type,
                                  related_id, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)""")
                .params(id, caller.userId(), assignee, todo.description().strip(), todo.dueDate(),
                        (todo.priority() == null ? Todo.Priority.MEDIUM : todo.priority()).name(), todo.relatedType(),
                        todo.relatedId(), now, now)
                .update();
        Todo created = find(id).orElseThrow();
        tellAssignee(created, caller);
        return created;
    }

    /** One todo the caller made or was given. */
    @Transactional(readOnly = true)
    public Todo get(UUID id, Caller caller) {
        return visible(id, caller);
    }

    /**
     * The caller's todos, those they made and those they were given, filtered: {@code assignee}
     * (the caller for "me", else those they gave to that user), status, overdue (open, due before
     * today), due before a date, the related record.
     */
    @Transactional(readOnly = true)
    public PageResponse<Todo> list(Filter filter, Caller caller, Paging paging) {
        Where where = Where.always().and("t.created_by = :me or t.assignee_id = :me", "me", caller.userId());
        where.andIfPresent(filter.assignee(), "t.assignee_id = :assignee", "assignee");
        where.andIfPresent(filter.status() == null ? null : filter.status().name(), "t.status = :status", "status");
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.and("t.status = 'OPEN' and t.due_date < :today", "today", today());
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            where.and("not (t.status = 'OPEN' and t.due_date is not null and t.due_date < :today)", "today", today());
        }
        where.andIfPresent(filter.dueBefore(), "t.due_date < :dueBefore", "dueBefore");
        where.andIfPresent(filter.relatedType(), "t.related_type = :relatedType", "relatedType");
        where.andIfPresent(filter.relatedId(), "t.related_id = :relatedId", "relatedId");
        return PagedQuery.page(jdbc, Todo.COLUMNS, "todo t", where, SORTING, paging, Todo::read);
    }

    /**
     * Changes an open todo. Its creator and its assignee change what it says, when it is due, how
     * urgent it is and what it is about; only its creator gives it to someone else (who is told).
     */
    @Transactional
    public Todo change(UUID id, TodoChange change, Caller caller) {
        Todo todo = lockVisible(id, caller);
        if (todo.status() != Todo.Status.OPEN) {
            throw Problems.conflict("The todo is " + todo.status() + "; reopen it before changing it");
        }
        if (change.description() != null && change.description().isBlank()) {
            throw Problems.invalidField("description", "must not be blank");
        }
        if (change.dueDate() != null && Boolean.TRUE.equals(change.clearDueDate())) {
            throw Problems.invalidField("clearDueDate", "give a dueDate or clear it, not both");
        }
        boolean clearRelated = Boolean.TRUE.equals(change.clearRelated());
        if (clearRelated && (change.relatedType() != null || change.relatedId() != null)) {
            throw Problems.invalidField("clearRelated", "give a related record or clear it, not both");
        }
        String relatedType = clearRelated ? null : todo.relatedType();
        UUID relatedId = clearRelated ? null : todo.relatedId();
        if (change.relatedType() != null || change.relatedId() != null) {
            requireWhole(change.relatedType(), change.relatedId());
            relatedType = change.relatedType();
            relatedId = change.relatedId();
        }
        UUID assignee = todo.assigneeId();
        boolean reassigned = change.assigneeId() != null && !change.assigneeId().equals(assignee);
        if (reassigned) {
            if (!caller.is(todo.createdBy())) {
                throw Problems.forbidden("Only the one who made a todo gives it to someone else");
            }
            mayAssign(change.assigneeId(), caller);
            assignee = change.assigneeId();
        }
        LocalDate due = Boolean.TRUE.equals(change.clearDueDate()) ? null
                : change.dueDate() != null ? change.dueDate() : todo.dueDate();
        jdbc.sql("""
                update todo set description = ?, due_date = ?, priority = ?, assignee_id = ?, related_type = ?,
                                related_id = ?, updated_at = ?, version = version + 1
                where id = ?""")
                .params(change.description() == null ? todo.description() : change.description().strip(), due,
                        (change.priority() == null ? todo.priority() : change.priority()).name(), assignee,
                        relatedType, relatedId, Timestamp.from(Instant.now()), id)
                .update();
        Todo changed = find(id).orElseThrow();
        if (reassigned) {
            tellAssignee(changed, caller);
        }
        return changed;
    }

    /** Marks a todo done or cancelled, or reopens it; its creator and its assignee may. The same status changes nothing. */
    @Transactional
    public Todo changeStatus(UUID id, Todo.Status status, Caller caller) {
        Todo todo = lockVisible(id, caller);
        if (todo.status() == status) {
            return todo;
        }
        if (!todo.status().mayBecome(status)) {
            throw Problems.conflict("A " + todo.status() + " todo cannot become " + status);
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("update todo set status = ?, closed_at = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(status.name(), status.closed() ? now : null, now, id).update();
        return find(id).orElseThrow();
    }

    /** The filters of the list; each null one does not filter. */
    public record Filter(UUID assignee, Todo.Status status, Boolean overdue, LocalDate dueBefore, String relatedType,
            UUID relatedId) {
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    /**
     * Anyone keeps their own todos. Giving one to someone else takes a teacher's or staff member's
     * account (or one that sees every branch), and the assignee must be an active user the
     * directory knows.
     */
    private void mayAssign(UUID assignee, Caller caller) {
        if (caller.is(assignee)) {
            return;
        }
        boolean staff = caller.staffProfileId().isPresent() || caller.teacherProfileId().isPresent()
                || caller.seesAllBranches();
        if (!staff) {
            throw Problems.forbidden("Only staff and teachers give todos to someone else; keep this one as your own");
        }
        if (!directory.isActive(assignee)) {
            throw Problems.invalidField("assigneeId", "no active user with id " + assignee);
        }
    }

    private void tellAssignee(Todo todo, Caller caller) {
        if (caller.is(todo.assigneeId())) {
            return;
        }
        String from = directory.name(caller.userId()).orElse("A colleague");
        String due = todo.dueDate() == null ? "" : " It is due on " + DAY.format(todo.dueDate()) + ".";
        String said = abbreviate(from + " gave you a todo: " + todo.description(), 1900);
        notifications.send(new NewNotification(todo.assigneeId(), "New todo for you",
                said + (endsASentence(said) ? "" : ".") + due, Notification.Type.REMINDER, "/todos/" + todo.id()));
    }

    private static boolean endsASentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") || text.endsWith("…");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void requireWhole(String relatedType, UUID relatedId) {
        if (relatedType == null && relatedId != null) {
            throw Problems.invalidField("relatedType", "is required with relatedId");
        }
        if (relatedType != null && relatedId == null) {
            throw Problems.invalidField("relatedId", "is required with relatedType");
        }
    }

    private Todo visible(UUID id, Caller caller) {
        return find(id).filter(t -> t.belongsTo(caller.userId())).orElseThrow(() -> Problems.notFound("todo", id));
    }

    private Todo lockVisible(UUID id, Caller caller) {
        return jdbc.sql("select " + Todo.COLUMNS + " from todo t where t.id = ? for update").param(id)
                .query(Todo::read).optional().filter(t -> t.belongsTo(caller.userId()))
                .orElseThrow(() -> Problems.notFound("todo", id));
    }

    private java.util.Optional<Todo> find(UUID id) {
        return jdbc.sql("select " + Todo.COLUMNS + " from todo t where t.id = ?").param(id).query(Todo::read).optional();
    }
}
