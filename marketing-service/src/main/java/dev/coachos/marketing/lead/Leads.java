package dev.coachos.marketing.lead;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.coachos.events.marketing.LeadCreated;
import dev.coachos.events.marketing.LeadStageChanged;
import dev.coachos.marketing.MarketingEvents;
import dev.coachos.marketing.MarketingSettings;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.phone.PhoneNumbers;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Leads and what happens with them. Reading needs {@code read:leads} (or {@code manage:leads}),
 * changing needs {@code manage:leads}; either only for leads of a branch in the caller's reach
 * (leads of no branch belong to head office). Anyone else is told a lead does not exist.
 *
 * <p>Two open leads of one branch never share a phone number: the phone is kept in E.164 and a
 * partial unique index holds the rule, so two requests racing with one number in two formats make
 * one lead (the second finds the first).
 */
@Service
public class Leads {

    static final UUID NO_BRANCH = new UUID(0, 0);

    private static final Sorting SORTING = Sorting.of(Map.of(
            "createdAt", "l.created_at",
            "updatedAt", "l.updated_at",
            "nextFollowUpAt", "l.next_follow_up_at",
            "name", "lower(l.name)",
            "stage", "l.stage"), "l.created_at desc", "l.id desc").nullsLast("nextFollowUpAt");

    private static final Pattern PHONE_LIKE = Pattern.compile("[+\\d][\\d\\s().-]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern EMAIL_LIKE = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]*");
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final MarketingEvents events;
    private final Clock clock;
    private final MarketingSettings settings;

    Leads(JdbcClient jdbc, MarketingEvents events, Clock clock, MarketingSettings settings) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** A lead made, or the open lead of the same phone that the new details were added to. */
    public record Saved(Lead lead, boolean created) {
    }

    /** The filters of a list; null means "any". */
    public record Filter(Stage stage, Source source, UUID branchId, UUID assigneeId, boolean unassigned,
            UUID campaignId, Boolean overdue, String q) {
    }

    /** How many open leads of an assignee are past their follow-up, and since when. */
    public record OverdueCount(UUID assigneeId, String assigneeName, long overdue, Instant oldestFollowUpAt) {
    }

    // ---- Creating ----

    /**
     * A lead staff entered. Without a branch it is the caller's branch's; without a follow-up time it
     * is followed up within {@code first-follow-up-within}.
     */
    @Transactional
    public Saved create(NewLead request, Caller caller) {
        requireManage(caller);
        UUID branch = request.branchId() != null ? request.branchId() : caller.branchId().orElse(null);
        if (!caller.reaches(Optional.ofNullable(branch))) {
            throw Problems.forbidden("You cannot add leads to that branch: it is outside your reach");
        }
        requireBranch(branch, "branchId");
        String phone = phone("phone", request.phone());
        requireCampaign(request.campaignId(), branch, "campaignId");
        requireAssignee(request.assigneeId(), branch, "assigneeId");
        Instant now = clock.instant();
        Instant followUp = request.nextFollowUpAt() != null ? request.nextFollowUpAt()
                : now.plus(settings.firstFollowUpWithin());
        Intake intake = new Intake(strip(request.name()), phone, lower(request.email()), request.source(),
                request.courseId(), strip(request.courseInterest()), branch, request.campaignId(),
                request.assigneeId(), followUp, strip(request.notes()), caller.userId());
        Optional<Lead> made = insert(intake, now);
        if (made.isPresent()) {
            return new Saved(made.get(), true);
        }
        Lead existing = openByPhone(branch, phone).orElseThrow(() -> Problems.conflict(
                "Another request is saving a lead with this phone number; try again"));
        if (request.ifDuplicate() != NewLead.IfDuplicate.ADD_ACTIVITY) {
            throw duplicate(existing, phone);
        }
        addEnquiry(existing, intake, "Entered again by staff", now);
        return new Saved(get(existing.id(), caller), false);
    }

    /**
     * An enquiry from the website's form: a new lead with source WEBSITE, or, when an open lead of the
     * branch has the phone, an ENQUIRY activity on it (the form answers the same either way).
     */
    @Transactional
    public void enquire(Enquiry enquiry) {
        requireBranch(enquiry.branchId(), "branchId");
        String phone = phone("phone", enquiry.phone());
        UUID campaign = enquiry.campaignId() != null && campaignReachable(enquiry.campaignId(), enquiry.branchId())
                ? enquiry.campaignId() : null;
        Instant now = clock.instant();
        Intake intake = new Intake(strip(enquiry.name()), phone, lower(enquiry.email()), Source.WEBSITE,
                enquiry.courseId(), strip(enquiry.courseInterest()), enquiry.branchId(), campaign, null,
                now.plus(settings.firstFollowUpWithin()), strip(enquiry.message()), null);
        for (int attempt = 0; attempt < 3; attempt++) {
            if (insert(intake, now).isPresent()) {
                return;
            }
            Optional<Lead> existing = openByPhone(enquiry.branchId(), phone);
            if (existing.isPresent()) {
                addEnquiry(existing.get(), intake, "Enquired again on the website", now);
                return;
            }
            // The open lead that held the number was closed meanwhile: the number is free again.
        }
        throw Problems.conflict("The enquiry could not be saved for the moment; send it again");
    }

    /** Everything a new lead is made of, whoever entered it. */
    private record Intake(String name, String phone, String email, Source source, UUID courseId,
            String courseInterest, UUID branchId, UUID campaignId, UUID assigneeId, Instant followUp, String notes,
            UUID createdBy) {
    }

    /** Inserts the lead unless an open lead of the branch has the phone (then empty, nothing written). */
    private Optional<Lead> insert(Intake in, Instant now) {
        UUID id = UuidV7.next();
        int inserted = jdbc.sql("""
                insert into lead (id, name, phone, email, source, course_id, course_interest, branch_id, campaign_id,
                                  assignee_id, stage, next_follow_up_at, notes, created_by, created_at, updated_at,
                                  stage_changed_at)
                values (:id, :name, :phone, :email, :source, :course, :interest, :branch, :campaign, :assignee, 'NEW',
                        :followUp, :notes, :createdBy, :now, :now, :now)
                on conflict (coalesce(branch_id, '00000000-0000-0000-0000-000000000000'::uuid), phone)
                    where stage not in ('CONVERTED', 'LOST') do nothing""")
                .param("id", id).param("name", in.name()).param("phone", in.phone()).param("email", in.email())
                .param("source", in.source().name()).param("course", in.courseId())
                .param("interest", in.courseInterest()).param("branch", in.branchId())
                .param("campaign", in.campaignId()).param("assignee", in.assigneeId())
                .param("followUp", Timestamp.from(in.followUp())).param("notes", in.notes())
                .param("createdBy", in.createdBy()).param("now", Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        events.leadCreated(new LeadCreated(id.toString(), in.name(), in.phone(), in.email(), in.source().name(),
                str(in.branchId()), str(in.campaignId()), str(in.assigneeId()), str(in.courseId()), in.courseInterest(),
                now.toString()));
        return Optional.of(find(id).orElseThrow());
    }

    private void addEnquiry(Lead existing, Intake again, String how, Instant now) {
        StringBuilder notes = new StringBuilder(how).append(": ").append(again.name());
        if (again.email() != null) {
            notes.append(", ").append(again.email());
        }
        if (again.courseInterest() != null) {
            notes.append(", interested in ").append(again.courseInterest());
        }
        if (again.notes() != null) {
            notes.append(". ").append(again.notes());
        }
        record(existing.id(), ActivityType.ENQUIRY, truncate(notes.toString(), 2000), null, null, now,
                again.createdBy(), now);
        jdbc.sql("update lead set updated_at = :now where id = :id").param("now", Timestamp.from(now))
                .param("id", existing.id()).update();
    }

    private static ErrorResponseException duplicate(Lead existing, String phone) {
        ProblemDetail problem = Problems.detail(HttpStatus.CONFLICT, Problems.CONFLICT, "Duplicate lead",
                "An open lead of this branch already has the phone number " + phone + ": lead " + existing.id()
                        + " (" + existing.name() + ", " + existing.stage() + ")");
        problem.setProperty("existingLeadId", existing.id());
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    // ---- Reading ----

    @Transactional(readOnly = true)
    public Lead get(UUID id, Caller caller) {
        requireRead(caller);
        return find(id).filter(l -> caller.reaches(Optional.ofNullable(l.branchId())))
                .orElseThrow(() -> Problems.notFound("lead", id));
    }

    /** Leads in the caller's reach, filtered, searched by name, e-mail or phone, newest first unless sorted. */
    @Transactional(readOnly = true)
    public PageResponse<Lead> list(Filter filter, Caller caller, Paging paging) {
        requireRead(caller);
        Instant now = clock.instant();
        Where where = Where.always();
        if (!caller.seesAllBranches()) {
            if (caller.branchId().isEmpty()) {
                return PageResponse.of(List.of(), paging.size(), paging.page(), 0);
            }
            where.and("l.branch_id = :myBranch", "myBranch", caller.branchId().get());
        }
        where.andIfPresent(filter.stage() == null ? null : filter.stage().name(), "l.stage = :stage", "stage");
        where.andIfPresent(filter.source() == null ? null : filter.source().name(), "l.source = :source", "source");
        where.andIfPresent(filter.branchId(), "l.branch_id = :branch", "branch");
        where.andIfPresent(filter.assigneeId(), "l.assignee_id = :assignee", "assignee");
        if (filter.unassigned()) {
            where.and("l.assignee_id is null");
        }
        where.andIfPresent(filter.campaignId(), "l.campaign_id = :campaign", "campaign");
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.and("l.stage not in ('CONVERTED', 'LOST') and l.next_follow_up_at < :now", "now", Timestamp.from(now));
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            where.and("not (l.stage not in ('CONVERTED', 'LOST') and l.next_follow_up_at < :now)", "now",
                    Timestamp.from(now));
        }
        String from = "lead l";
        Optional<String> number = wholeNumber(filter.q());
        if (number.isPresent()) {
            // A whole phone number: the one or two leads that have it, through the phone's own index.
            where.and("l.phone = :phone", "phone", number.get());
        } else {
            String query = searchQuery(filter.q());
            if (query != null) {
                // The matches first, through the search index, then sorted: otherwise the planner walks the
                // newest-first index through every lead looking for a rare name's few (measured: 200 ms at
                // 200,000 leads, against a few ms this way).
                from = "(select * from lead where search @@ to_tsquery('simple', :q) offset 0) l";
                where.param("q", query);
            }
        }
        return PagedQuery.page(jdbc, Lead.COLUMNS, from, where, SORTING, paging, (rs, row) -> Lead.read(rs, now));
    }

    /** The search text as a whole phone number in E.164, when it is one (typed in any common way). */
    private Optional<String> wholeNumber(String q) {
        if (q == null || !PHONE_LIKE.matcher(q.strip()).matches() || q.replaceAll("\\D", "").length() < 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumbers.normalise(q.strip(), settings.defaultPhoneRegion()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The search text as a prefix query: a phone number in any format becomes its digits (found in
     * the last ten digits or with the country code), words become word prefixes that must all match.
     */
    static String searchQuery(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.length() > 100) {
            throw Problems.invalidField("q", "search text has at most 100 characters");
        }
        if (PHONE_LIKE.matcher(text).matches()) {
            // A number typed with its trunk zero (098100 00001) or international prefix (0091...) is the same number.
            String digits = text.replaceAll("\\D", "").replaceFirst("^0+", "");
            if (digits.length() >= 3) {
                return digits + ":*";
            }
        }
        if (text.indexOf('@') > 0 && EMAIL_LIKE.matcher(text).matches()) {
            // The parser keeps an e-mail address as one word: search it (or its beginning) whole.
            return "'" + text.toLowerCase(java.util.Locale.ROOT) + "':*";
        }
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (matcher.find() && words.size() < 8) {
            words.add(matcher.group() + ":*");
        }
        if (words.isEmpty()) {
            throw Problems.invalidField("q", "search by a name, an e-mail or a phone number");
        }
        return String.join(" & ", words);
    }

    /** Per assignee in the caller's reach: open leads past their follow-up; unassigned ones under no assignee. */
    @Transactional(readOnly = true)
    public List<OverdueCount> overdueByAssignee(Caller caller, UUID branch) {
        requireRead(caller);
        Where where = Where.always().and("l.stage not in ('CONVERTED', 'LOST') and l.next_follow_up_at < :now",
                "now", Timestamp.from(clock.instant()));
        if (!caller.seesAllBranches()) {
            if (caller.branchId().isEmpty()) {
                return List.of();
            }
            where.and("l.branch_id = :myBranch", "myBranch", caller.branchId().get());
        }
        where.andIfPresent(branch, "l.branch_id = :branch", "branch");
        return jdbc.sql("select l.assignee_id, s.name, count(*) as overdue, min(l.next_follow_up_at) as oldest "
                + "from lead l left join staff_view s on s.user_id = l.assignee_id" + where.sql()
                + " group by l.assignee_id, s.name order by count(*) desc, l.assignee_id")
                .params(where.params())
                .query((rs, row) -> new OverdueCount(rs.getObject("assignee_id", UUID.class), rs.getString("name"),
                        rs.getLong("overdue"), rs.getTimestamp("oldest").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public PageResponse<Activity> activities(UUID leadId, Caller caller, Paging paging) {
        get(leadId, caller);
        Where where = Where.always().and("a.lead_id = :lead", "lead", leadId);
        return PagedQuery.page(jdbc, Activity.COLUMNS, "lead_activity a", where,
                Sorting.of(Map.of("occurredAt", "a.occurred_at"), "a.occurred_at desc", "a.id desc"), paging,
                Activity::read);
    }

    // ---- Changing ----

    /** Changes an open lead's details; the version read must still be the lead's. */
    @Transactional
    public Lead change(UUID id, LeadChange change, Caller caller) {
        requireManage(caller);
        Lead lead = lockReachable(id, caller);
        if (!lead.isOpen()) {
            throw Problems.conflict("The lead is " + lead.stage() + "; a closed lead no longer changes");
        }
        if (conversionRunning(id)) {
            throw Problems.conflict("The lead's conversion is under way with its present details; wait for it to "
                    + "finish or fail, or cancel it, before changing the lead");
        }
        if (change.name() != null && change.name().isBlank()) {
            throw Problems.invalidField("name", "must not be blank");
        }
        if (change.version() != lead.version()) {
            throw Problems.conflict("The lead was changed by someone else (version " + lead.version()
                    + ", you read " + change.version() + "); read it again");
        }
        conflicting("email", change.email(), change.clearEmail());
        conflicting("campaignId", change.campaignId(), change.clearCampaign());
        conflicting("assigneeId", change.assigneeId(), change.clearAssignee());
        conflicting("courseId", change.courseId(), change.clearCourse());
        UUID branch = change.branchId() != null ? change.branchId() : lead.branchId();
        if (change.branchId() != null) {
            if (!caller.reaches(Optional.of(branch))) {
                throw Problems.forbidden("You cannot move a lead to a branch outside your reach");
            }
            requireBranch(branch, "branchId");
        }
        String phone = change.phone() != null ? phone("phone", change.phone()) : lead.phone();
        UUID campaign = yes(change.clearCampaign()) ? null
                : change.campaignId() != null ? change.campaignId() : lead.campaignId();
        if (change.campaignId() != null || change.branchId() != null) {
            requireCampaign(campaign, branch, "campaignId");
        }
        UUID assignee = yes(change.clearAssignee()) ? null
                : change.assigneeId() != null ? change.assigneeId() : lead.assigneeId();
        if (change.assigneeId() != null || change.branchId() != null) {
            requireAssignee(assignee, branch, "assigneeId");
        }
        if (!phone.equals(lead.phone()) || !java.util.Objects.equals(branch, lead.branchId())) {
            Optional<Lead> other = openByPhone(branch, phone).filter(o -> !o.id().equals(id));
            if (other.isPresent()) {
                throw duplicate(other.get(), phone);
            }
        }
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    update lead set name = :name, phone = :phone, email = :email, source = :source, course_id = :course,
                           course_interest = :interest, branch_id = :branch, campaign_id = :campaign,
                           assignee_id = :assignee, next_follow_up_at = :followUp, notes = :notes,
                           updated_at = :now, version = version + 1
                     where id = :id""")
                    .param("name", change.name() != null ? strip(change.name()) : lead.name())
                    .param("phone", phone)
                    .param("email", yes(change.clearEmail()) ? null
                            : change.email() != null ? lower(change.email()) : lead.email())
                    .param("source", (change.source() != null ? change.source() : lead.source()).name())
                    .param("course", yes(change.clearCourse()) ? null
                            : change.courseId() != null ? change.courseId() : lead.courseId())
                    .param("interest", change.courseInterest() != null ? strip(change.courseInterest())
                            : lead.courseInterest())
                    .param("branch", branch).param("campaign", campaign).param("assignee", assignee)
                    .param("followUp", Timestamp.from(change.nextFollowUpAt() != null ? change.nextFollowUpAt()
                            : lead.nextFollowUpAt()))
                    .param("notes", change.notes() != null ? strip(change.notes()) : lead.notes())
                    .param("now", Timestamp.from(now)).param("id", id)
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw Problems.conflict("An open lead of this branch was given the phone number " + phone
                    + " at the same moment; read the leads again");
        }
        return find(id).orElseThrow();
    }

    /**
     * Moves an open lead along the pipeline (forward, or to LOST with a reason), recorded as a
     * STAGE_CHANGE activity and published as LeadStageChanged. CONVERTED is reached only through a
     * conversion. A move to LOST ends the follow-ups; another may set the next follow-up.
     */
    @Transactional
    public Lead move(UUID id, Stage next, String reason, Instant nextFollowUpAt, Caller caller) {
        requireManage(caller);
        Lead lead = lockReachable(id, caller);
        if (next == Stage.CONVERTED) {
            throw Problems.conflict("A lead becomes CONVERTED through its conversion "
                    + "(POST /api/v1/leads/" + id + "/conversion), which makes the student's account and enrollment");
        }
        if (lead.stage() == next) {
            return lead;
        }
        try {
            lead.stage().moveTo(next, reason);
        } catch (IllegalArgumentException e) {
            if (next == Stage.LOST && lead.isOpen()) {
                throw Problems.invalidField("reason", e.getMessage());
            }
            throw Problems.conflict(capitalise(e.getMessage()));
        }
        if (conversionRunning(id)) {
            throw Problems.conflict("The lead's conversion is under way; wait for it to finish or fail");
        }
        Instant now = clock.instant();
        return moved(lead, next, next == Stage.LOST ? strip(reason) : null, nextFollowUpAt, caller.userId(), now);
    }

    /**
     * Records the move (the caller has the lead locked and the move checked) and returns the lead as it
     * now is. Used by the conversion, which moves a lead to CONVERTED.
     */
    public Lead moved(Lead lead, Stage next, String reason, Instant nextFollowUpAt, UUID by, Instant now) {
        Instant followUp = next.isOpen() ? (nextFollowUpAt != null ? nextFollowUpAt : lead.nextFollowUpAt()) : null;
        jdbc.sql("""
                update lead set stage = :stage, lost_reason = :reason, next_follow_up_at = :followUp,
                       stage_changed_at = :now, updated_at = :now, version = version + 1
                 where id = :id""")
                .param("stage", next.name()).param("reason", reason)
                .param("followUp", followUp == null ? null : Timestamp.from(followUp))
                .param("now", Timestamp.from(now)).param("id", lead.id())
                .update();
        record(lead.id(), ActivityType.STAGE_CHANGE, reason, lead.stage(), next, now, by, now);
        events.leadStageChanged(new LeadStageChanged(lead.id().toString(), str(lead.branchId()), lead.stage().name(),
                next.name(), reason, str(by), now.toString()));
        return find(lead.id()).orElseThrow();
    }

    /** A call, e-mail, meeting, note or WhatsApp message with a lead; may set the next follow-up. */
    @Transactional
    public Activity addActivity(UUID leadId, NewActivity activity, Caller caller) {
        requireManage(caller);
        Lead lead = lockReachable(leadId, caller);
        if (!activity.type().isManual()) {
            throw Problems.invalidField("type", "must be CALL, EMAIL, MEETING, NOTE or WHATSAPP");
        }
        Instant now = clock.instant();
        Instant at = activity.occurredAt() != null ? activity.occurredAt() : now;
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw Problems.invalidField("occurredAt", "must not be in the future");
        }
        if (activity.nextFollowUpAt() != null) {
            if (!lead.isOpen()) {
                throw Problems.invalidField("nextFollowUpAt", "a " + lead.stage() + " lead is not followed up");
            }
            jdbc.sql("update lead set next_follow_up_at = :followUp, updated_at = :now, version = version + 1 "
                    + "where id = :id")
                    .param("followUp", Timestamp.from(activity.nextFollowUpAt())).param("now", Timestamp.from(now))
                    .param("id", leadId).update();
        } else {
            jdbc.sql("update lead set updated_at = :now where id = :id").param("now", Timestamp.from(now))
                    .param("id", leadId).update();
        }
        UUID id = record(leadId, activity.type(), strip(activity.notes()), null, null, at, caller.userId(), now);
        return jdbc.sql("select " + Activity.COLUMNS + " from lead_activity a where a.id = :id").param("id", id)
                .query(Activity::read).single();
    }

    /** Writes one activity row. */
    public UUID record(UUID leadId, ActivityType type, String notes, Stage from, Stage to, Instant at, UUID by,
            Instant now) {
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into lead_activity (id, lead_id, type, notes, from_stage, to_stage, occurred_at, recorded_by,
                                           recorded_at)
                values (:id, :lead, :type, :notes, :from, :to, :at, :by, :now)""")
                .param("id", id).param("lead", leadId).param("type", type.name()).param("notes", notes)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("at", Timestamp.from(at)).param("by", by).param("now", Timestamp.from(now))
                .update();
        return id;
    }

    // ---- Rules shared with the conversion ----

    /** The lead, locked for the rest of the transaction, if the caller reaches it; else 404. */
    public Lead lockReachable(UUID id, Caller caller) {
        return jdbc.sql("select " + Lead.COLUMNS + " from lead l where l.id = :id for update").param("id", id)
                .query((rs, row) -> Lead.read(rs, clock.instant())).optional()
                .filter(l -> caller.reaches(Optional.ofNullable(l.branchId())))
                .orElseThrow(() -> Problems.notFound("lead", id));
    }

    /** The lead locked, whoever asks (the conversion's events have no caller). */
    public Optional<Lead> lock(UUID id) {
        return jdbc.sql("select " + Lead.COLUMNS + " from lead l where l.id = :id for update").param("id", id)
                .query((rs, row) -> Lead.read(rs, clock.instant())).optional();
    }

    public Optional<Lead> find(UUID id) {
        return jdbc.sql("select " + Lead.COLUMNS + " from lead l where l.id = :id").param("id", id)
                .query((rs, row) -> Lead.read(rs, clock.instant())).optional();
    }

    public static void requireManage(Caller caller) {
        if (!caller.can("manage:leads")) {
            throw Problems.forbidden("Changing leads needs manage:leads");
        }
    }

    public static void requireRead(Caller caller) {
        if (!caller.can("read:leads") && !caller.can("manage:leads")) {
            throw Problems.forbidden("Reading leads needs read:leads");
        }
    }

    private boolean conversionRunning(UUID leadId) {
        return jdbc.sql("select count(*) from lead_conversion where lead_id = :lead and status <> 'FAILED'")
                .param("lead", leadId).query(Long.class).single() > 0;
    }

    private Optional<Lead> openByPhone(UUID branch, String phone) {
        return jdbc.sql("select " + Lead.COLUMNS + " from lead l where coalesce(l.branch_id, :none) = :branch "
                + "and l.phone = :phone and l.stage not in ('CONVERTED', 'LOST') for update")
                .param("none", NO_BRANCH).param("branch", branch == null ? NO_BRANCH : branch).param("phone", phone)
                .query((rs, row) -> Lead.read(rs, clock.instant())).optional();
    }

    private String phone(String field, String raw) {
        try {
            return PhoneNumbers.normalise(raw, settings.defaultPhoneRegion());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, e.getMessage());
        }
    }

    private void requireBranch(UUID branch, String field) {
        if (branch == null) {
            return;
        }
        boolean known = jdbc.sql("select count(*) from branch_view where branch_id = :id and active")
                .param("id", branch).query(Long.class).single() > 0;
        if (!known) {
            throw Problems.invalidField(field, "no open branch has the id " + branch);
        }
    }

    private boolean campaignReachable(UUID campaign, UUID branch) {
        return jdbc.sql("select count(*) from campaign where id = :id and (branch_id is null or branch_id = :branch)")
                .param("id", campaign).param("branch", branch == null ? NO_BRANCH : branch)
                .query(Long.class).single() > 0;
    }

    private void requireCampaign(UUID campaign, UUID branch, String field) {
        if (campaign != null && !campaignReachable(campaign, branch)) {
            throw Problems.invalidField(field, "no campaign " + campaign + " runs for the lead's branch");
        }
    }

    /** An assignee is an active staff member or teacher of the lead's branch, or of head office. */
    private void requireAssignee(UUID assignee, UUID branch, String field) {
        if (assignee == null) {
            return;
        }
        boolean fits = jdbc.sql("""
                select count(*) from staff_view
                 where user_id = :id and active and profile_type in ('STAFF', 'TEACHER')
                   and (branch_id is null or branch_id = :branch)""")
                .param("id", assignee).param("branch", branch == null ? NO_BRANCH : branch)
                .query(Long.class).single() > 0;
        if (!fits) {
            throw Problems.invalidField(field, "user " + assignee
                    + " is not an active staff member of the lead's branch or of head office");
        }
    }

    private static void conflicting(String field, Object value, Boolean clear) {
        if (value != null && yes(clear)) {
            throw Problems.invalidField(field, "give a value or clear it, not both");
        }
    }

    private static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String lower(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String capitalise(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
