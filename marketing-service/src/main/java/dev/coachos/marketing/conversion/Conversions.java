package dev.coachos.marketing.conversion;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.enrollment.LeadEnrolled;
import dev.coachos.events.enrollment.LeadEnrollmentRefused;
import dev.coachos.events.identity.LeadAccountReady;
import dev.coachos.events.identity.LeadAccountRefused;
import dev.coachos.events.marketing.LeadConversionRequested;
import dev.coachos.events.marketing.LeadConverted;
import dev.coachos.marketing.MarketingEvents;
import dev.coachos.marketing.lead.ActivityType;
import dev.coachos.marketing.lead.Lead;
import dev.coachos.marketing.lead.Leads;
import dev.coachos.marketing.lead.Stage;
import dev.coachos.messaging.inbox.IncomingEvent;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.Problems;

/**
 * Turning a lead into a student in one step, as a choreography of events, never a chain of calls:
 * this service records the attempt and publishes LeadConversionRequested; identity-service answers
 * with the account (LeadAccountReady, made or linked, or LeadAccountRefused); enrollment-service
 * enrolls that student (LeadEnrolled, or LeadEnrollmentRefused when the batch is full); finance raises
 * the fee plan from the enrollment (FeePlanCreated). Each step is idempotent on the lead's id: a
 * retried request answers the attempt under way (or the finished one), and the other services never
 * make a second account or enrollment for one lead. A lead becomes CONVERTED when it is enrolled; a
 * failed attempt leaves it in its stage with the reason, and another batch may be tried.
 */
@Service
public class Conversions {

    private static final Logger log = LoggerFactory.getLogger(Conversions.class);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final Leads leads;
    private final MarketingEvents events;
    private final Clock clock;

    Conversions(JdbcClient jdbc, Leads leads, MarketingEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.events = events;
        this.clock = clock;
    }

    /** The attempt asked for, or the one already under way or finished for the same batch. */
    public record Requested(Conversion conversion, boolean started) {
    }

    /**
     * Starts converting the lead into a student of the batch. A lead that has an attempt under way
     * (or is converted) answers that attempt when the batch is the same and 409 when it is another.
     */
    @Transactional
    public Requested request(UUID leadId, ConversionRequest request, Caller caller) {
        Leads.requireManage(caller);
        Lead lead = leads.lockReachable(leadId, caller);
        Optional<Conversion> live = live(leadId);
        if (live.isPresent()) {
            if (live.get().batchId().equals(request.batchId())) {
                return new Requested(live.get(), false);
            }
            throw Problems.conflict(lead.stage() == Stage.CONVERTED
                    ? "The lead was converted into batch " + live.get().batchId()
                    : "The lead's conversion into batch " + live.get().batchId() + " is under way ("
                            + live.get().progress() + "); wait until it finishes or fails");
        }
        if (!lead.isOpen()) {
            throw Problems.conflict("The lead is " + lead.stage() + "; only an open lead is converted");
        }
        if (lead.email() == null) {
            throw Problems.invalidField("email", "the lead has no e-mail address, which the student's account needs "
                    + "to sign in; add one to the lead first");
        }
        Optional<UUID> batchBranch = jdbc.sql("select branch_id from batch_view where batch_id = :id")
                .param("id", request.batchId()).query((rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .optional().orElseThrow(() -> Problems.invalidField("batchId", "no batch has the id "
                        + request.batchId()));
        if (!caller.reaches(batchBranch)) {
            throw Problems.invalidField("batchId", "the batch belongs to a branch outside your reach");
        }
        BigDecimal discount = discount(request);
        Instant now = clock.instant();
        UUID id = UuidV7.next();
        jdbc.sql("""
                insert into lead_conversion (id, lead_id, batch_id, discount_type, discount, status, requested_by,
                                             requested_at, updated_at)
                values (:id, :lead, :batch, :type, :discount, 'REQUESTED', :by, :now, :now)""")
                .param("id", id).param("lead", leadId).param("batch", request.batchId())
                .param("type", discount == null ? null : request.discountType().name()).param("discount", discount)
                .param("by", caller.userId()).param("now", Timestamp.from(now))
                .update();
        leads.record(leadId, ActivityType.CONVERSION, "Conversion into batch " + batchName(request.batchId())
                + " requested" + (discount == null ? "" : " with a " + describe(request.discountType(), discount)
                + " discount"), null, null, now, caller.userId(), now);
        events.leadConversionRequested(new LeadConversionRequested(leadId.toString(), id.toString(), lead.name(),
                lead.email(), lead.phone(), str(lead.branchId()), request.batchId().toString(),
                discount == null ? null : request.discountType().name(),
                discount == null ? null : discount.toPlainString(), caller.userId().toString(), now.toString()));
        return new Requested(find(id).orElseThrow(), true);
    }

    /**
     * Staff give up an attempt that is waiting (REQUESTED or ACCOUNT_READY): it FAILS with reason
     * CANCELLED and the lead may be moved or converted again. An attempt that has enrolled the
     * student is not cancelled (drop the enrollment instead). Should enrollment's answer to the
     * cancelled attempt still come, a later attempt is answered with that same enrollment (one per
     * lead, ever), so nothing is lost.
     */
    @Transactional
    public Conversion cancel(UUID leadId, String reason, Caller caller) {
        Leads.requireManage(caller);
        leads.lockReachable(leadId, caller);
        Conversion live = live(leadId).orElseThrow(() -> Problems.conflict("The lead has no conversion under way"));
        if (live.progress() != Conversion.Progress.REQUESTED && live.progress() != Conversion.Progress.ACCOUNT_READY) {
            throw Problems.conflict("The conversion has enrolled the student (" + live.progress()
                    + "); it is not cancelled");
        }
        fail(leadId, live.id(), "CANCELLED", reason == null || reason.isBlank() ? "Cancelled by staff"
                : "Cancelled by staff: " + reason.strip());
        return find(live.id()).orElseThrow();
    }

    /** The lead's latest attempt. */
    @Transactional(readOnly = true)
    public Conversion latest(UUID leadId, Caller caller) {
        leads.get(leadId, caller);
        return jdbc.sql("select " + Conversion.COLUMNS + " from " + Conversion.FROM
                + " where c.lead_id = :lead order by c.requested_at desc, c.id desc limit 1")
                .param("lead", leadId).query(Conversion::read).optional()
                .orElseThrow(() -> Problems.notFound("conversion of lead", leadId));
    }

    // ---- The other services' answers (each applied once through the inbox) ----

    /** identity made or linked the account: the attempt waits for enrollment. */
    public void accountReady(LeadAccountReady ready) {
        UUID conversionId = IncomingEvent.uuid(ready.conversionId(), "conversionId");
        UUID student = IncomingEvent.uuid(ready.studentId(), "studentId");
        Instant now = clock.instant();
        int moved = jdbc.sql("""
                update lead_conversion set status = 'ACCOUNT_READY', student_id = :student,
                       account_created = :created, updated_at = :now
                 where id = :id and status = 'REQUESTED'""")
                .param("student", student).param("created", ready.created()).param("now", Timestamp.from(now))
                .param("id", conversionId).update();
        // Enrollment may have answered first (another topic): then only the account's facts are added.
        jdbc.sql("update lead_conversion set account_created = :created where id = :id and account_created is null")
                .param("created", ready.created()).param("id", conversionId).update();
        if (moved == 1) {
            leads.record(IncomingEvent.uuid(ready.leadId(), "leadId"), ActivityType.CONVERSION,
                    ready.created() ? "Student account created; the set-password link was sent to the lead's e-mail"
                            : "Linked to the existing student account with the lead's e-mail address",
                    null, null, now, null, now);
        }
    }

    /** identity could not give the lead an account: the attempt fails, the lead stays where it was. */
    public void accountRefused(LeadAccountRefused refused) {
        fail(IncomingEvent.uuid(refused.leadId(), "leadId"), IncomingEvent.uuid(refused.conversionId(), "conversionId"),
                refused.reason(), refused.detail());
    }

    /** enrollment could not enroll the student (the batch is full, say): the attempt fails. */
    public void enrollmentRefused(LeadEnrollmentRefused refused) {
        fail(IncomingEvent.uuid(refused.leadId(), "leadId"), IncomingEvent.uuid(refused.conversionId(), "conversionId"),
                refused.reason(), refused.detail());
    }

    /**
     * The student is enrolled: the lead becomes CONVERTED with the student and the enrollment, and
     * LeadConverted is published. A repeat changes nothing.
     */
    public void enrolled(LeadEnrolled enrolled) {
        UUID leadId = IncomingEvent.uuid(enrolled.leadId(), "leadId");
        UUID conversionId = IncomingEvent.uuid(enrolled.conversionId(), "conversionId");
        UUID student = IncomingEvent.uuid(enrolled.studentId(), "studentId");
        UUID enrollment = IncomingEvent.uuid(enrolled.enrollmentId(), "enrollmentId");
        Optional<Lead> locked = leads.lock(leadId);
        if (locked.isEmpty()) {
            log.warn("LeadEnrolled for unknown lead {} ignored", leadId);
            return;
        }
        Lead lead = locked.get();
        Optional<String> status = jdbc.sql("select status from lead_conversion where id = :id and lead_id = :lead")
                .param("id", conversionId).param("lead", leadId).query(String.class).optional();
        if (status.isEmpty()) {
            log.warn("LeadEnrolled for unknown conversion {} of lead {} ignored", conversionId, leadId);
            return;
        }
        if (status.get().equals("ENROLLED")) {
            return;
        }
        if (status.get().equals("FAILED") && live(leadId).isPresent()) {
            log.warn("Lead {} was enrolled by its failed conversion {} while another is under way; kept as failed",
                    leadId, conversionId);
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update lead_conversion set status = 'ENROLLED', student_id = :student, enrollment_id = :enrollment,
                       failure_reason = null, failure_detail = null, updated_at = :now, completed_at = :now
                 where id = :id""")
                .param("student", student).param("enrollment", enrollment).param("now", Timestamp.from(now))
                .param("id", conversionId).update();
        jdbc.sql("update lead set student_id = :student, enrollment_id = :enrollment, converted_at = :now where id = :id")
                .param("student", student).param("enrollment", enrollment).param("now", Timestamp.from(now))
                .param("id", leadId).update();
        Lead converted = lead.isOpen() ? leads.moved(lead, Stage.CONVERTED, null, null, null, now)
                : leads.find(leadId).orElseThrow();
        leads.record(leadId, ActivityType.CONVERSION, "Enrolled in batch " + batchName(
                IncomingEvent.uuid(enrolled.batchId(), "batchId")) + " (enrollment " + enrollment + ")", null, null,
                now, null, now);
        Conversion conversion = find(conversionId).orElseThrow();
        events.leadConverted(new LeadConverted(leadId.toString(), conversionId.toString(), student.toString(),
                enrollment.toString(), converted.name(), converted.email(), converted.phone(),
                str(converted.branchId()), conversion.batchId().toString(), conversion.discountType(),
                conversion.discount() == null ? null : conversion.discount().toPlainString(),
                str(converted.campaignId()), converted.source().name(), now.toString()));
    }

    /** finance raised a plan: kept by enrollment, so a conversion shows it whichever event came first. */
    public void feePlanRaised(UUID enrollmentId, UUID planId, UUID studentId) {
        jdbc.sql("""
                insert into fee_plan_view (enrollment_id, plan_id, student_id, created_at) values (:e, :p, :s, :now)
                on conflict (enrollment_id) do nothing""")
                .param("e", enrollmentId).param("p", planId).param("s", studentId)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private void fail(UUID leadId, UUID conversionId, String reason, String detail) {
        Instant now = clock.instant();
        int failed = jdbc.sql("""
                update lead_conversion set status = 'FAILED', failure_reason = :reason, failure_detail = :detail,
                       updated_at = :now, completed_at = :now
                 where id = :id and lead_id = :lead and status in ('REQUESTED', 'ACCOUNT_READY')""")
                .param("reason", truncate(reason == null ? "UNKNOWN" : reason, 40))
                .param("detail", detail == null ? null : truncate(detail, 500)).param("now", Timestamp.from(now))
                .param("id", conversionId).param("lead", leadId).update();
        if (failed == 1) {
            leads.record(leadId, ActivityType.CONVERSION, "Conversion failed: " + reason
                    + (detail == null ? "" : ": " + truncate(detail, 400)), null, null, now, null, now);
        }
    }

    private Optional<Conversion> live(UUID leadId) {
        return jdbc.sql("select " + Conversion.COLUMNS + " from " + Conversion.FROM
                + " where c.lead_id = :lead and c.status <> 'FAILED'")
                .param("lead", leadId).query(Conversion::read).optional();
    }

    private Optional<Conversion> find(UUID id) {
        return jdbc.sql("select " + Conversion.COLUMNS + " from " + Conversion.FROM + " where c.id = :id")
                .param("id", id).query(Conversion::read).optional();
    }

    private String batchName(UUID batch) {
        return jdbc.sql("select name from batch_view where batch_id = :id").param("id", batch).query(String.class)
                .optional().orElse(batch.toString());
    }

    private static BigDecimal discount(ConversionRequest request) {
        if (request.discount() == null && request.discountType() == null) {
            return null;
        }
        if (request.discount() == null || request.discountType() == null) {
            throw Problems.invalidField(request.discount() == null ? "discount" : "discountType",
                    "give both the discount and its type (PERCENTAGE or FIXED), or neither");
        }
        BigDecimal value = request.discount();
        if (value.signum() <= 0) {
            throw Problems.invalidField("discount", "must be more than 0");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw Problems.invalidField("discount", "has at most two decimals");
        }
        if (request.discountType() == ConversionRequest.DiscountType.PERCENTAGE && value.compareTo(HUNDRED) > 0) {
            throw Problems.invalidField("discount", "a percentage is at most 100");
        }
        if (value.compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw Problems.invalidField("discount", "is too large");
        }
        return value.setScale(2);
    }

    private static String describe(ConversionRequest.DiscountType type, BigDecimal value) {
        return type == ConversionRequest.DiscountType.PERCENTAGE ? value.stripTrailingZeros().toPlainString() + " %"
                : "₹" + value.toPlainString();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
