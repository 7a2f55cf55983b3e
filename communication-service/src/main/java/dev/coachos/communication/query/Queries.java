package dev.coachos.communication.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.CommunicationEvents;
import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.communication.QueryOpened;
import dev.coachos.events.communication.QueryResolved;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Support queries: opened by a student or teacher (create:queries), answered and moved along by
 * staff of the requester's branch (manage:queries; head office reaches every branch). A requester
 * sees only their own; anyone else is told a query does not exist. The first-response target
 * stops at the first staff answer; the resolution target stands still while the query waits on
 * the requester or is resolved, and a requester's reply takes a resolved query up again.
 */
@Service
public class Queries {

    static final String MANAGE = "manage:queries";

    /** Oldest first; urgent first when sorting by priority descending; {@code dueAt} is the next target. */
    private static final Sorting SORTING = Sorting.of(Map.of(
            "createdAt", "q.created_at",
            "priority", "case q.priority when 'URGENT' then 4 when 'HIGH' then 3 when 'NORMAL' then 2 else 1 end",
            "dueAt", "case when q.first_response_at is null then q.first_response_due_at else q.resolution_due_at end"),
            "q.created_at asc", "q.id");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Notifications notifications;
    private final CommunicationEvents events;
    private final QuerySettings settings;
    private final Clock clock;

    Queries(JdbcClient jdbc, Directory directory, Notifications notifications, CommunicationEvents events,
            QuerySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a query in the requester's branch (their token's, else the directory's), with its targets. */
    @Transactional
    public Query open(NewQuery query, Caller caller) {
        Instant now = clock.instant();
        UUID branch = caller.branchId()
                .or(() -> directory.find(caller.userId()).map(Directory.Recipient::branchId)).orElse(null);
        QuerySettings.Target target = settings.target(query.priority());
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into support_query (id, requester_id, branch_id, subject, priority, course_id, status,
                    created_at, updated_at, first_response_due_at, resolution_due_at, version)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, 0)""")
                .params(id, caller.userId(), branch, query.subject().strip(), query.priority().name(), query.courseId(),
                        ts(now), ts(now), ts(now.plus(target.firstResponse())), ts(now.plus(target.resolution())))
                .update();
        addMessage(id, caller.userId(), false, query.message(), now);
        events.queryOpened(new QueryOpened(id.toString(), caller.userId().toString(), string(branch),
                query.subject().strip(), query.priority().name(), string(query.courseId()), now.toString()));
        return thread(load(id, now, false));
    }

    /**
     * The queries in the caller's reach: staff with manage:queries see their branch's queue (head
     * office every branch, or one with {@code branchId}); everyone else, and staff asking for
     * {@code mine}, only the queries they opened.
     */
    @Transactional(readOnly = true)
    public PageResponse<Query> list(Filter filter, Caller caller, Paging paging) {
        Where where = Where.always().param("now", ts(clock.instant()));
        if (filter.mine() || !caller.can(MANAGE)) {
            where.and("q.requester_id = :me", "me", caller.userId());
        } else if (!caller.seesAllBranches()) {
            if (caller.branchId().isEmpty()) {
                where.and("false");
            } else {
                where.and("q.branch_id = :callerBranch", "callerBranch", caller.branchId().get());
            }
        }
        where.andIfPresent(filter.branchId(), "q.branch_id = :branch", "branch");
        where.andIfPresent(filter.status() == null ? null : filter.status().name(), "q.status = :status", "status");
        where.andIfPresent(filter.priority() == null ? null : filter.priority().name(), "q.priority = :priority",
                "priority");
        where.andIfPresent(filter.assigneeId(), "q.assignee_id = :assignee", "assignee");
        if (filter.breached() != null) {
            where.and(filter.breached() ? Query.BREACHED : "not " + Query.BREACHED);
        }
        return PagedQuery.page(jdbc, Query.COLUMNS, "support_query q", where, SORTING, paging, Query::readRow);
    }

    /** One query with its thread, if the caller opened it or answers for its branch. */
    @Transactional(readOnly = true)
    public Query get(UUID id, Caller caller) {
        Query query = load(id, clock.instant(), false);
        role(query, caller);
        return thread(query);
    }

    /**
     * Adds a message to the thread. Staff's answer is the first response (if none came before), takes
     * an OPEN query into IN_PROGRESS and tells the requester. The requester's reply takes a query
     * waiting on them, or a resolved one, up again. A CLOSED query takes no more messages.
     */
    @Transactional
    public Query reply(UUID id, String body, Caller caller) {
        Instant now = clock.instant();
        Query query = load(id, now, true);
        Role role = role(query, caller);
        if (query.status() == Query.Status.CLOSED) {
            throw Problems.conflict("The query is CLOSED: it takes no more messages");
        }
        addMessage(id, caller.userId(), role == Role.STAFF, body, now);
        if (role == Role.STAFF) {
            jdbc.sql("update support_query set first_response_at = coalesce(first_response_at, ?) where id = ?")
                    .params(ts(now), id).update();
            if (query.status() == Query.Status.OPEN) {
                move(query, Query.Status.IN_PROGRESS, now);
            } else {
                touch(id, now);
            }
            notifications.send(new NewNotification(query.requesterId(), "Reply to your query",
                    "Staff answered \"" + query.subject() + "\".", Notification.Type.INFO, link(id)));
        } else if (query.status() == Query.Status.WAITING_ON_REQUESTER || query.status() == Query.Status.RESOLVED) {
            move(query, query.assigneeId() == null ? Query.Status.OPEN : Query.Status.IN_PROGRESS, now);
        } else {
            touch(id, now);
        }
        return thread(load(id, now, false));
    }

    /** Gives the query to a staff member of its branch (an OPEN one goes IN_PROGRESS); they are told. */
    @Transactional
    public Query assign(UUID id, UUID assigneeId, Caller caller) {
        Instant now = clock.instant();
        Query query = load(id, now, true);
        if (role(query, caller) != Role.STAFF) {
            throw Problems.forbidden("Assigning a query needs " + MANAGE + " for its branch");
        }
        if (query.status() == Query.Status.CLOSED) {
            throw Problems.conflict("The query is CLOSED: it cannot be assigned");
        }
        boolean ofTheBranch = directory.find(assigneeId)
                .filter(r -> r.active() && r.isStaff() && Objects.equals(r.branchId(), query.branchId()))
                .isPresent();
        if (!ofTheBranch) {
            throw Problems.invalidField("assigneeId", "is not an active staff member of the query's branch");
        }
        jdbc.sql("update support_query set assignee_id = ? where id = ?").params(assigneeId, id).update();
        if (query.status() == Query.Status.OPEN) {
            move(query, Query.Status.IN_PROGRESS, now);
        } else {
            touch(id, now);
        }
        if (!caller.is(assigneeId)) {
            notifications.send(new NewNotification(assigneeId, "Query assigned to you",
                    "\"" + query.subject() + "\" (" + query.priority() + ") is yours to answer.",
                    Notification.Type.INFO, link(id)));
        }
        return thread(load(id, now, false));
    }

    /**
     * Moves the query along (see {@link Query.Status#mayBecome}); staff make every move, the requester
     * only closes their own. Resolving tells the requester and publishes QueryResolved.
     */
    @Transactional
    public Query changeStatus(UUID id, Query.Status next, Caller caller) {
        Instant now = clock.instant();
        Query query = load(id, now, true);
        Role role = role(query, caller);
        if (role == Role.REQUESTER && next != Query.Status.CLOSED) {
            throw Problems.forbidden("A requester may only close their query; other moves need " + MANAGE);
        }
        if (!query.status().mayBecome(next)) {
            throw Problems.conflict("The query is " + query.status() + " and cannot become " + next);
        }
        if (role == Role.STAFF && next == Query.Status.RESOLVED) {
            jdbc.sql("update support_query set first_response_at = coalesce(first_response_at, ?) where id = ?")
                    .params(ts(now), id).update();
        }
        move(query, next, now);
        if (next == Query.Status.RESOLVED) {
            Instant clockStopped = query.resolutionPausedAt() == null ? now : query.resolutionPausedAt();
            events.queryResolved(new QueryResolved(id.toString(), query.requesterId().toString(),
                    caller.userId().toString(), string(query.branchId()), query.priority().name(),
                    clockStopped.isAfter(query.resolutionDueAt()), now.toString()));
            notifications.send(new NewNotification(query.requesterId(), "Query resolved",
                    "\"" + query.subject() + "\" is resolved. Reply if it is not.", Notification.Type.SUCCESS,
                    link(id)));
        }
        return thread(load(id, now, false));
    }

    /**
     * The status change and the resolution clock: a status that pauses it stops the clock (if it
     * runs); one that does not restarts it and moves the resolution target later by the pause.
     */
    private void move(Query query, Query.Status next, Instant now) {
        Instant pausedAt = query.resolutionPausedAt();
        Instant resolutionDue = query.resolutionDueAt();
        long pausedSeconds = 0;
        if (next.pausesResolution()) {
            pausedAt = pausedAt == null ? now : pausedAt;
        } else if (pausedAt != null) {
            Duration pause = Duration.between(pausedAt, now);
            resolutionDue = resolutionDue.plus(pause);
            pausedSeconds = pause.toSeconds();
            pausedAt = null;
        }
        Instant resolvedAt = next == Query.Status.RESOLVED ? now
                : next == Query.Status.CLOSED ? query.resolvedAt() : null;
        jdbc.sql("""
                update support_query set status = ?, paused_at = ?, paused_seconds = paused_seconds + ?,
                    resolution_due_at = ?, resolved_at = ?, closed_at = ?, updated_at = ?, version = version + 1
                where id = ?""")
                .params(next.name(), ts(pausedAt), pausedSeconds, ts(resolutionDue), ts(resolvedAt),
                        next == Query.Status.CLOSED ? ts(now) : null, ts(now), query.id())
                .update();
    }

    private void touch(UUID id, Instant now) {
        jdbc.sql("update support_query set updated_at = ?, version = version + 1 where id = ?").params(ts(now), id)
                .update();
    }

    private void addMessage(UUID query, UUID author, boolean fromStaff, String body, Instant now) {
        jdbc.sql("""
                insert into support_query_message (id, query_id, author_id, from_staff, body, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UuidV7.next(), query, author, fromStaff, body.strip(), ts(now)).update();
    }

    private Query load(UUID id, Instant now, boolean forUpdate) {
        return jdbc.sql("select " + Query.COLUMNS + " from support_query q where q.id = :id"
                + (forUpdate ? " for update" : ""))
                .param("id", id).param("now", ts(now)).query(Query::readRow).optional()
                .orElseThrow(() -> Problems.notFound("query", id));
    }

    private Query thread(Query query) {
        return query.withMessages(jdbc.sql("""
                select id, author_id, from_staff, body, created_at from support_query_message
                where query_id = ? order by created_at, id""")
                .param(query.id()).query(Query.Message::readRow).list());
    }

    /** The requester, or staff answering for the query's branch; anyone else is told it does not exist. */
    private static Role role(Query query, Caller caller) {
        if (caller.is(query.requesterId())) {
            return Role.REQUESTER;
        }
        if (caller.can(MANAGE) && caller.reaches(Optional.ofNullable(query.branchId()))) {
            return Role.STAFF;
        }
        throw Problems.notFound("query", query.id());
    }

    private static String link(UUID id) {
        return "/queries/" + id;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private enum Role {
        REQUESTER, STAFF
    }

    /** What a list may be narrowed to; every field may be null ({@code mine} false). */
    public record Filter(Query.Status status, Query.Priority priority, UUID assigneeId, Boolean breached,
            UUID branchId, boolean mine) {
    }
}
