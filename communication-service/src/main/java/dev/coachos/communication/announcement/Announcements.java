package dev.coachos.communication.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.communication.CommunicationEvents;
import dev.coachos.communication.notification.Notification;
import dev.coachos.communication.notification.Notifications;
import dev.coachos.events.communication.AnnouncementPublished;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements. Staff with manage:announcements publish to any audience within their reach (their
 * branch's people; head office everyone); a teacher without it, only to the batches they teach. The
 * recipients are resolved once, when it is published (now, or by the sweep at its publish time), in
 * one statement over the directory and the enrollment read model, and kept: each finds it in their
 * list with a notification, and later changes to the audience's groups do not move it. A user sees
 * only what is addressed to them, its author and the managers of its branch; anyone else is told it
 * does not exist.
 */
@Service
public class Announcements {

    static final String MANAGE = "manage:announcements";

    /** Newest first: the index on (user_id, published_at desc) answers it. */
    private static final Sorting INBOX = Sorting.of(Map.of("publishedAt", "ar.published_at"),
            "ar.published_at desc", "ar.announcement_id desc");

    private static final Sorting SENT = Sorting.of(Map.of("createdAt", "a.created_at"), "a.created_at desc",
            "a.id desc");

    private static final String VISIBLE = "a.status = 'PUBLISHED' and (a.expires_at is null or a.expires_at > :now)";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final CommunicationEvents events;
    private final JsonMapper json;
    private final Clock clock;

    Announcements(JdbcClient jdbc, Notifications notifications, CommunicationEvents events, JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Publishes the announcement now, or schedules it when {@code publishAt} is in the future. The
     * audience must name someone, and only people in the author's reach.
     */
    @Transactional
    public Announcement publish(NewAnnouncement announcement, Caller caller) {
        Instant now = clock.instant();
        Audience audience = announcement.audience();
        boolean teacher = mayAddressOnlyOwnBatches(caller);
        checkReach(audience, caller, teacher);
        boolean scheduled = announcement.publishAt() != null && announcement.publishAt().isAfter(now);
        Instant goesOut = scheduled ? announcement.publishAt() : now;
        if (announcement.expiresAt() != null && !announcement.expiresAt().isAfter(goesOut)) {
            throw Problems.invalidField("expiresAt", "must be after the announcement is published");
        }
        String content = cleaned(announcement.content());
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into announcement (id, author_id, branch_id, all_branches, title, content, type, audience, status,
                    publish_at, expires_at, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, 0)""")
                .params(id, caller.userId(), caller.branchId().orElse(null), teacher || caller.seesAllBranches(),
                        announcement.title().strip(), content, announcement.type().name(),
                        json.writeValueAsString(audience), scheduled ? "SCHEDULED" : "PUBLISHED",
                        ts(announcement.publishAt()), ts(announcement.expiresAt()), ts(now), ts(now))
                .update();
        if (!scheduled) {
            goOut(id, now);
        }
        return sent(id, now, false);
    }

    /**
     * Publishes every scheduled announcement whose time has come, each claimed once (rows another
     * instance holds are skipped, and a published one is no longer SCHEDULED); returns how many.
     */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        List<UUID> due = jdbc.sql("""
                update announcement set status = 'PUBLISHED', updated_at = :now, version = version + 1
                where id in (select id from announcement where status = 'SCHEDULED' and publish_at <= :now
                             order by publish_at limit 200 for update skip locked)
                returning id""")
                .param("now", ts(now)).query(UUID.class).list();
        due.forEach(id -> goOut(id, now));
        return due.size();
    }

    /** The caller's announcements, newest first; expired and withdrawn ones are not shown. */
    @Transactional(readOnly = true)
    public PageResponse<Announcement> inbox(boolean unreadOnly, Caller caller, Paging paging) {
        Where where = Where.always().and("ar.user_id = :me", "me", caller.userId()).and(VISIBLE)
                .param("now", ts(clock.instant()));
        if (unreadOnly) {
            where.and("ar.read_at is null");
        }
        return PagedQuery.page(jdbc, Announcement.INBOX_COLUMNS,
                "announcement_recipient ar join announcement a on a.id = ar.announcement_id", where, INBOX, paging,
                row(false));
    }

    /**
     * What the caller sent, or (manage:announcements) what was sent in their branch, every branch for
     * head office; newest first, each with its recipients and reads.
     */
    @Transactional(readOnly = true)
    public PageResponse<Announcement> sent(boolean mine, Announcement.Status status, Caller caller, Paging paging) {
        Where where = Where.always();
        if (mine || !caller.can(MANAGE)) {
            where.and("a.author_id = :me", "me", caller.userId());
        } else if (!caller.seesAllBranches()) {
            if (caller.branchId().isEmpty()) {
                where.and("false");
            } else {
                where.and("a.branch_id = :branch", "branch", caller.branchId().get());
            }
        }
        where.andIfPresent(status == null ? null : status.name(), "a.status = :status", "status");
        return PagedQuery.page(jdbc, Announcement.SENT_COLUMNS, "announcement a", where, SENT, paging, row(true));
    }

    /** One announcement: the author's view for its author and managers in reach, else the recipient's. */
    @Transactional(readOnly = true)
    public Announcement get(UUID id, Caller caller) {
        Instant now = clock.instant();
        Announcement announcement = sent(id, now, false);
        if (manages(announcement, caller)) {
            return announcement;
        }
        return received(id, caller, now).orElseThrow(() -> Problems.notFound("announcement", id));
    }

    /** Marks it read by the caller, a recipient (the first time counts). */
    @Transactional
    public Announcement markRead(UUID id, Caller caller) {
        Instant now = clock.instant();
        int marked = jdbc.sql("""
                update announcement_recipient ar set read_at = coalesce(ar.read_at, :now)
                from announcement a
                where a.id = ar.announcement_id and ar.announcement_id = :id and ar.user_id = :me
                  and\s""" + VISIBLE)
                .param("now", ts(now)).param("id", id).param("me", caller.userId()).update();
        if (marked == 0) {
            throw Problems.notFound("announcement", id);
        }
        return received(id, caller, now).orElseThrow(() -> Problems.notFound("announcement", id));
    }

    /** Changes its title, content, type or expiry; whom it reached stays as it was. */
    @Transactional
    public Announcement edit(UUID id, AnnouncementChange change, Caller caller) {
        Instant now = clock.instant();
        Announcement current = managed(id, caller, now);
        if (change.title() != null && change.title().isBlank()) {
            throw Problems.invalidField("title", "must not be blank");
        }
        String content = change.content() == null ? null : cleaned(change.content());
        if (change.expiresAt() != null) {
            Instant goesOut = current.publishedAt() != null ? current.publishedAt() : current.publishAt();
            if (!change.expiresAt().isAfter(goesOut)) {
                throw Problems.invalidField("expiresAt", "must be after the announcement is published");
            }
        }
        jdbc.sql("""
                update announcement set title = coalesce(?, title), content = coalesce(?, content),
                    type = coalesce(?, type), expires_at = coalesce(?, expires_at), updated_at = ?, version = version + 1
                where id = ?""")
                .params(change.title() == null ? null : change.title().strip(), content,
                        change.type() == null ? null : change.type().name(), ts(change.expiresAt()), ts(now), id)
                .update();
        return sent(id, now, false);
    }

    /** Withdraws it: its recipients no longer see it; a scheduled one is never published. */
    @Transactional
    public Announcement withdraw(UUID id, Caller caller) {
        Instant now = clock.instant();
        managed(id, caller, now);
        jdbc.sql("""
                update announcement set status = 'WITHDRAWN', withdrawn_at = ?, updated_at = ?, version = version + 1
                where id = ?""")
                .params(ts(now), ts(now), id).update();
        return sent(id, now, false);
    }

    /**
     * Resolves the recipients in one statement, tells each of them in another, and publishes
     * AnnouncementPublished; in the caller's transaction, with the announcement PUBLISHED.
     */
    private void goOut(UUID id, Instant now) {
        Stored stored = jdbc.sql("""
                select title, type, audience::text as audience, author_id, branch_id, all_branches
                from announcement where id = ?""")
                .param(id)
                .query((rs, n) -> new Stored(rs.getString("title"), Announcement.Type.valueOf(rs.getString("type")),
                        audience(rs.getString("audience")), rs.getObject("author_id", UUID.class),
                        rs.getObject("branch_id", UUID.class), rs.getBoolean("all_branches")))
                .single();
        Audience audience = stored.audience();
        List<UUID> recipients = jdbc.sql("""
                insert into announcement_recipient (announcement_id, user_id, published_at)
                select :id, r.user_id, :now from recipient r
                where r.active and (:allBranches or r.branch_id = :branch)
                  and (:everyone
                       or (:students and r.profile_type = 'STUDENT')
                       or (:teachers and r.profile_type = 'TEACHER')
                       or (:staff and r.profile_type = 'STAFF')
                       or r.branch_id = any(cast(:branches as uuid[]))
                       or r.role = any(cast(:roles as text[]))
                       or r.user_id = any(cast(:users as uuid[]))
                       or r.user_id in (select e.student_id from enrollment e
                                        where e.status = 'ACTIVE'
                                          and (e.batch_id = any(cast(:batches as uuid[]))
                                               or e.course_id = any(cast(:courses as uuid[])))))
                on conflict do nothing
                returning user_id""")
                .param("id", id).param("now", ts(now)).param("allBranches", stored.allBranches())
                .param("branch", stored.branchId(), java.sql.Types.OTHER)
                .param("everyone", audience.everyone()).param("students", audience.students())
                .param("teachers", audience.teachers()).param("staff", audience.staff())
                .param("branches", array(audience.branchIds())).param("roles", array(audience.roles()))
                .param("users", array(audience.userIds())).param("batches", array(audience.batchIds()))
                .param("courses", array(audience.courseIds()))
                .query(UUID.class).list();
        jdbc.sql("update announcement set published_at = ?, recipients_count = ? where id = ?")
                .params(ts(now), recipients.size(), id).update();
        notifications.sendToEach(recipients, heading(stored.type()), stored.title(),
                stored.type() == Announcement.Type.ALERT ? Notification.Type.WARNING : Notification.Type.INFO,
                "/announcements/" + id);
        events.announcementPublished(new AnnouncementPublished(id.toString(), stored.authorId().toString(),
                stored.title(), stored.type().name(), stored.branchId() == null ? null : stored.branchId().toString(),
                recipients.size(), now.toString()));
    }

    /**
     * The rules of reach: a teacher names only batches they teach; staff of a branch name only their
     * branch and its batches; head office names anyone. The directory keeps each recipient to the
     * author's branch in any case.
     */
    private void checkReach(Audience audience, Caller caller, boolean teacher) {
        if (audience.namesNobody()) {
            throw Problems.invalidField("audience", "names nobody: choose everyone, students, teachers, staff, "
                    + "branches, courses, batches, roles or users");
        }
        if (teacher) {
            if (!audience.onlyBatches()) {
                throw Problems.invalidField("audience", "a teacher may address only the batches they teach (batchIds)");
            }
            if (count("select count(*) from batch where batch_id = any(cast(? as uuid[])) and teacher_id = ?",
                    array(audience.batchIds()), caller.userId()) != audience.batchIds().size()) {
                throw Problems.invalidField("audience.batchIds", "names a batch you do not teach");
            }
            return;
        }
        if (caller.seesAllBranches()) {
            return;
        }
        UUID branch = caller.branchId()
                .orElseThrow(() -> Problems.forbidden("Announcing needs a branch or access:all_branches"));
        if (audience.branchIds().stream().anyMatch(b -> !b.equals(branch))) {
            throw Problems.invalidField("audience.branchIds", "names a branch outside your reach");
        }
        if (!audience.batchIds().isEmpty()
                && count("select count(*) from batch where batch_id = any(cast(? as uuid[])) and branch_id = ?",
                        array(audience.batchIds()), branch) != audience.batchIds().size()) {
            throw Problems.invalidField("audience.batchIds", "names a batch outside your branch");
        }
    }

    /** A caller without manage:announcements publishes as a teacher, to their batches; others may not. */
    private static boolean mayAddressOnlyOwnBatches(Caller caller) {
        if (caller.can(MANAGE)) {
            return false;
        }
        if (caller.teacherProfileId().isPresent()) {
            return true;
        }
        throw Problems.forbidden("Publishing an announcement needs " + MANAGE + ", or teaching the batches it addresses");
    }

    private static boolean manages(Announcement announcement, Caller caller) {
        return caller.is(announcement.authorId())
                || caller.can(MANAGE) && caller.reaches(Optional.ofNullable(announcement.branchId()));
    }

    /** The announcement for a change by its author or a manager in reach; it must still be live. */
    private Announcement managed(UUID id, Caller caller, Instant now) {
        Announcement announcement = sent(id, now, true);
        if (!manages(announcement, caller)) {
            throw Problems.notFound("announcement", id);
        }
        if (!announcement.status().isLive()) {
            throw Problems.conflict("The announcement is " + announcement.status() + " and cannot be changed");
        }
        return announcement;
    }

    private Announcement sent(UUID id, Instant now, boolean forUpdate) {
        return jdbc.sql("select " + Announcement.SENT_COLUMNS + " from announcement a where a.id = :id"
                + (forUpdate ? " for update" : ""))
                .param("id", id).query(row(true)).optional()
                .orElseThrow(() -> Problems.notFound("announcement", id));
    }

    private Optional<Announcement> received(UUID id, Caller caller, Instant now) {
        return jdbc.sql("select " + Announcement.INBOX_COLUMNS
                + " from announcement_recipient ar join announcement a on a.id = ar.announcement_id"
                + " where ar.announcement_id = :id and ar.user_id = :me and " + VISIBLE)
                .param("id", id).param("me", caller.userId()).param("now", ts(now)).query(row(false)).optional();
    }

    private RowMapper<Announcement> row(boolean sent) {
        return (rs, n) -> Announcement.read(rs, sent ? audience(rs.getString("audience")) : null, sent);
    }

    private Audience audience(String stored) {
        return json.readValue(stored, Audience.class);
    }

    private static String cleaned(String html) {
        String content = RichText.clean(html);
        if (RichText.showsNothing(content)) {
            throw Problems.invalidField("content", "has nothing to show once scripts and unsafe markup are removed");
        }
        if (content.length() > 20_000) {
            throw Problems.invalidField("content", "is longer than 20000 characters once cleaned");
        }
        return content;
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private static String heading(Announcement.Type type) {
        return switch (type) {
            case ANNOUNCEMENT -> "New announcement";
            case NOTICE -> "New notice";
            case ALERT -> "Alert";
        };
    }

    /** A PostgreSQL array literal, bound as one parameter (role names are checked to need no quoting). */
    private static String array(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private record Stored(String title, Announcement.Type type, Audience audience, UUID authorId, UUID branchId,
            boolean allBranches) {
    }
}
