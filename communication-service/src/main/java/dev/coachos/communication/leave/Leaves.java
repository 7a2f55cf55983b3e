package dev.coachos.communication.leave;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.coachos.communication.CommunicationEvents;
import dev.coachos.communication.identity.Directory;
import dev.coachos.communication.notification.NewNotification;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.communication.LeaveDecided;
import dev.coachos.events.communication.LeaveRequested;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Leaves: requested by a student, teacher or staff member (create:leaves), decided by those holding
 * manage:leaves for the requester's branch (head office reaches every branch) and by the requester's
 * reporting manager as their staff profile names them (the directory's, whatever the manager's
 * permissions and branch), never by the requester. A leave may not overlap another PENDING or
 * APPROVED leave of the same person, half day by half day: the {@code leave_day} rows a leave holds
 * are unique per person, date and half, so the database refuses an overlap even when two requests
 * race. The requester sees their own leaves and hears only of the decision; anyone else who may not
 * decide is told a leave does not exist.
 * Every decision, and a cancellation, is published as LeaveDecided (enrollment excuses an approved
 * student's sessions and takes the excusals back when the leave is cancelled).
 */
@Service
public class Leaves {

    static final String MANAGE = "manage:leaves";

    /** The leave is of someone who reports to {@code :me}, as the directory knows it. */
    private static final String REPORTS =
            "l.user_id in (select r.user_id from recipient r where r.reporting_manager_id = :me)";

    private static final Sorting SORTING = Sorting.of(Map.of("fromDate", "l.from_date", "createdAt", "l.created_at"),
            "l.from_date desc", "l.id");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Notifications notifications;
    private final CommunicationEvents events;
    private final LeaveSettings settings;
    private final Clock clock;

    Leaves(JdbcClient jdbc, Directory directory, Notifications notifications, CommunicationEvents events,
            LeaveSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.notifications = notifications;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records a PENDING leave for the caller, in their branch and with their profile type (the token's,
     * else the directory's), and tells the branch's approvers and the caller's reporting manager.
     * Refused with 409 naming the leave it would overlap.
     */
    @Transactional
    public Leave request(NewLeave leave, Caller caller) {
        if (leave.toDate().isBefore(leave.fromDate())) {
            throw Problems.invalidField("toDate", "must not be before fromDate");
        }
        if (leave.halfDay() != null && !leave.toDate().equals(leave.fromDate())) {
            throw Problems.invalidField("halfDay", "is only for a single day (fromDate equal to toDate)");
        }
        long days = ChronoUnit.DAYS.between(leave.fromDate(), leave.toDate()) + 1;
        if (days > settings.maxDays()) {
            throw Problems.invalidField("toDate", "one request covers at most " + settings.maxDays() + " days");
        }
        Instant now = clock.instant();
        Optional<Directory.Recipient> known = directory.find(caller.userId());
        UUID branch = caller.branchId().or(() -> known.map(Directory.Recipient::branchId)).orElse(null);
        String profileType = profileType(caller).or(() -> known.map(Directory.Recipient::profileType)).orElse(null);
        String reason = leave.reason() == null || leave.reason().isBlank() ? null : leave.reason().strip();
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into leave_request (id, user_id, profile_type, branch_id, from_date, to_date, half_day,
                    leave_type, reason, status, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, 0)""")
                .params(id, caller.userId(), profileType, branch, leave.fromDate(), leave.toDate(), name(leave.halfDay()),
                        leave.leaveType().name(), reason, ts(now), ts(now))
                .update();
        holdDays(id, caller.userId(), leave, days);

        events.leaveRequested(new LeaveRequested(id.toString(), caller.userId().toString(), profileType, string(branch),
                leave.fromDate().toString(), leave.toDate().toString(), name(leave.halfDay()), leave.leaveType().name()));
        String who = known.map(Directory.Recipient::name).orElse("Someone");
        List<UUID> approvers = new ArrayList<>(branch == null ? directory.withRoles(settings.approverRoles())
                : directory.inBranchWithRoles(branch, settings.approverRoles()));
        directory.reportingManagerOf(caller.userId()).filter(m -> !approvers.contains(m)).ifPresent(approvers::add);
        notifications.send(approvers.stream().filter(a -> !caller.is(a))
                .map(a -> new NewNotification(a, "Leave requested",
                        who + " asks for " + leave.leaveType() + " leave " + span(leave.fromDate(), leave.toDate(),
                                leave.halfDay()) + ".",
                        Notification.Type.INFO, link(id)))
                .toList());
        return load(id, false);
    }

    /**
     * The leaves in the caller's reach: those holding manage:leaves see their branch's (head office
     * every branch); everyone else only their own; and a reporting manager besides those of the people
     * who report to them. Anyone asking for {@code mine} sees only their own. {@code from}
     * and {@code to} keep the leaves that overlap that range.
     */
    @Transactional(readOnly = true)
    public PageResponse<Leave> list(Filter filter, Caller caller, Paging paging) {
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw Problems.invalidField("to", "must not be before from");
        }
        Where where = Where.always();
        if (filter.mine()) {
            where.and("l.user_id = :me", "me", caller.userId());
        } else if (!caller.can(MANAGE)) {
            where.and("(l.user_id = :me or " + REPORTS + ")", "me", caller.userId());
        } else if (!caller.seesAllBranches()) {
            if (caller.branchId().isEmpty()) {
                where.and(REPORTS, "me", caller.userId());
            } else {
                where.and("(l.branch_id = :callerBranch or " + REPORTS + ")", "me", caller.userId())
                        .param("callerBranch", caller.branchId().get());
            }
        }
        where.andIfPresent(filter.status() == null ? null : filter.status().name(), "l.status = :status", "status");
        where.andIfPresent(filter.userId(), "l.user_id = :user", "user");
        where.andIfPresent(filter.from(), "l.to_date >= :from", "from");
        where.andIfPresent(filter.to(), "l.from_date <= :to", "to");
        return PagedQuery.page(jdbc, Leave.COLUMNS, "leave_request l", where, SORTING, paging, Leave::readRow);
    }

    /** One leave, if it is the caller's or the caller may decide it. */
    @Transactional(readOnly = true)
    public Leave get(UUID id, Caller caller) {
        Leave leave = load(id, false);
        if (!caller.is(leave.userId()) && !mayDecide(leave, caller)) {
            throw Problems.notFound("leave", id);
        }
        return leave;
    }

    /**
     * Approves or rejects a PENDING leave (manage:leaves for its branch, or the requester's reporting
     * manager; never one's own). A rejected leave gives its days back. The requester is told, and LeaveDecided is published.
     */
    @Transactional
    public Leave decide(UUID id, Decision decision, String note, Caller caller) {
        Leave leave = load(id, true);
        if (caller.is(leave.userId())) {
            throw Problems.forbidden("Nobody decides their own leave");
        }
        if (!mayDecide(leave, caller)) {
            throw Problems.notFound("leave", id);
        }
        Leave.Status next = decision == Decision.APPROVED ? Leave.Status.APPROVED : Leave.Status.REJECTED;
        if (leave.status() != Leave.Status.PENDING) {
            throw Problems.conflict("The leave is " + leave.status() + ": only a PENDING leave is decided");
        }
        Instant now = clock.instant();
        String decisionNote = note == null || note.isBlank() ? null : note.strip();
        Leave decided = move(leave, next, caller.userId(), decisionNote, now);
        notifications.send(new NewNotification(leave.userId(),
                next == Leave.Status.APPROVED ? "Leave approved" : "Leave rejected",
                "Your " + leave.leaveType() + " leave " + span(leave.fromDate(), leave.toDate(), leave.halfDay())
                        + " is " + next.name().toLowerCase() + (decisionNote == null ? "." : ": " + decisionNote),
                next == Leave.Status.APPROVED ? Notification.Type.SUCCESS : Notification.Type.WARNING, link(id)));
        return decided;
    }

    /**
     * The requester cancels a PENDING or APPROVED leave before its first day begins (in the institute's
     * time zone). Its days are given back, and LeaveDecided CANCELLED is published so that the
     * excusals an approved student leave made are taken back.
     */
    @Transactional
    public Leave cancel(UUID id, Caller caller) {
        Leave leave = load(id, true);
        if (!caller.is(leave.userId())) {
            if (mayDecide(leave, caller)) {
                throw Problems.forbidden("Only the requester cancels a leave; approvers reject it");
            }
            throw Problems.notFound("leave", id);
        }
        if (!leave.status().mayBecome(Leave.Status.CANCELLED)) {
            throw Problems.conflict("The leave is " + leave.status() + " and cannot be cancelled");
        }
        Instant now = clock.instant();
        if (!LocalDate.ofInstant(now, settings.timeZone()).isBefore(leave.fromDate())) {
            throw Problems.conflict("The leave started on " + leave.fromDate() + ": it can no longer be cancelled");
        }
        return move(leave, Leave.Status.CANCELLED, caller.userId(), null, now);
    }

    private Leave move(Leave leave, Leave.Status next, UUID by, String note, Instant now) {
        if (!next.holdsDays()) {
            jdbc.sql("delete from leave_day where leave_id = ?").param(leave.id()).update();
        }
        jdbc.sql("""
                update leave_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, updated_at = ?,
                    version = version + 1
                where id = ?""")
                .params(next.name(), by, ts(now), note, ts(now), leave.id()).update();
        events.leaveDecided(new LeaveDecided(leave.id().toString(), leave.userId().toString(), leave.profileType(),
                string(leave.branchId()), leave.fromDate().toString(), leave.toDate().toString(), name(leave.halfDay()),
                next.name(), by.toString(), now.toString()));
        return load(leave.id(), false);
    }

    /**
     * Takes the half days the leave covers. A half day another PENDING or APPROVED leave of the person
     * holds is skipped by the insert (after waiting for a racing request to commit or roll back), so
     * fewer rows than asked for means an overlap: 409 naming the leave that holds the day. Every request
     * takes its half days in date order, so racing requests wait on each other rather than deadlock.
     */
    private void holdDays(UUID id, UUID user, NewLeave leave, long days) {
        String[] slots = leave.halfDay() == null ? new String[] {"AM", "PM"} : new String[] {leave.halfDay().name()};
        int held = jdbc.sql("""
                insert into leave_day (user_id, day, slot, leave_id)
                select ?, cast(d as date), s, ? from generate_series(cast(? as date), cast(? as date), interval '1 day') d
                    cross join unnest(cast(? as varchar[])) s
                order by 2, 3
                on conflict do nothing""")
                .params(user, id, leave.fromDate(), leave.toDate(), slots).update();
        if (held < days * slots.length) {
            Leave other = jdbc.sql("select " + Leave.COLUMNS + """
                     from leave_request l join leave_day d on d.leave_id = l.id
                    where d.user_id = ? and d.day between ? and ? and d.slot = any(?) and d.leave_id <> ?
                    order by d.day, d.slot limit 1""")
                    .params(user, leave.fromDate(), leave.toDate(), slots, id).query(Leave::readRow).optional()
                    .orElse(null);
            if (other == null) {
                // The leave holding the day was rejected or cancelled in the meantime.
                throw Problems.conflict("It overlapped a leave that has just been withdrawn: request it again");
            }
            ErrorResponseException conflict = Problems.conflict("It overlaps leave " + other.id() + " ("
                    + other.status() + ", " + span(other.fromDate(), other.toDate(), other.halfDay()) + ")");
            conflict.getBody().setProperty("overlappingLeaveId", other.id());
            throw conflict;
        }
    }

    private Leave load(UUID id, boolean forUpdate) {
        return jdbc.sql("select " + Leave.COLUMNS + " from leave_request l where l.id = ?"
                + (forUpdate ? " for update" : ""))
                .param(id).query(Leave::readRow).optional()
                .orElseThrow(() -> Problems.notFound("leave", id));
    }

    private boolean mayDecide(Leave leave, Caller caller) {
        return caller.can(MANAGE) && caller.reaches(Optional.ofNullable(leave.branchId()))
                || directory.reportingManagerOf(leave.userId()).filter(caller::is).isPresent();
    }

    private static Optional<String> profileType(Caller caller) {
        if (caller.studentProfileId().isPresent()) {
            return Optional.of("STUDENT");
        }
        if (caller.teacherProfileId().isPresent()) {
            return Optional.of("TEACHER");
        }
        return caller.staffProfileId().map(p -> "STAFF");
    }

    private static String span(LocalDate from, LocalDate to, Leave.HalfDay halfDay) {
        if (halfDay != null) {
            return "on " + from + " (" + halfDay + ")";
        }
        return from.equals(to) ? "on " + from : "from " + from + " to " + to;
    }

    private static String link(UUID id) {
        return "/leaves/" + id;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** What an approver decides. */
    public enum Decision {
        APPROVED, REJECTED
    }

    /** What a list may be narrowed to; every field may be null ({@code mine} false). */
    public record Filter(Leave.Status status, UUID userId, LocalDate from, LocalDate to, boolean mine) {
    }
}
