package dev.coachos.finance.payroll;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.finance.SalaryPaid;
import dev.coachos.events.finance.SalarySlipApproved;
import dev.coachos.finance.FinanceEvents;
import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.money.AmountInWords;
import dev.coachos.finance.money.PaymentReference;
import dev.coachos.finance.payroll.pdf.SalarySlipDocument;
import dev.coachos.finance.payroll.pdf.SalarySlipPdf;
import dev.coachos.finance.teaching.TeacherPay;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Salary slips: made DRAFT by a payroll run from the person's salary structure and their pay from the
 * branch's batches, recalculated while DRAFT, approved, paid, and corrected by amendment.
 *
 * <p>Each change checks the version it read (optimistic locking): of two changes of one slip at the same
 * time, one wins and the other is a 409. A paid slip never changes (a database trigger refuses it).
 *
 * <p>Amendment: an APPROVED (unpaid) slip is CANCELLED and replaced by a new DRAFT computed afresh from
 * the current structure and batches, plus the correction lines given. A PAID slip stays as it was; the
 * new DRAFT holds only the correction lines given (arrears as earnings, recoveries as deductions), so its
 * net is the difference still to pay. An approved amendment of a PAID slip (or of one further down that
 * chain) is itself a difference: amending it cancels it, and the new DRAFT holds the lines given, which
 * restate the whole difference still to pay (they replace the cancelled amendment's lines; the salary is
 * never computed again on top of what was paid). Either way the new slip names the old in {@code amends};
 * a slip is amended once (amend the amendment for a further correction). An amendment is approved by
 * someone other than who made it; nobody approves, pays, recalculates or amends their own slip.
 */
@Service
public class SalarySlips {

    static final String COLUMNS = """
            s.id, s.run_id, s.person_id, s.person_name, s.branch_id, s.month, s.structure_id, s.status, s.amends,
            (select a.id from salary_slip a where a.amends = s.id) as amended_by, s.amend_reason, s.working_days,
            s.payment_days, s.gross, s.total_deductions, s.net, s.net_in_words, s.created_at, s.created_by, s.approved_by,
            s.approved_at, s.paid_by, s.paid_at, s.paid_on, s.paid_method, s.paid_reference, s.version""";
    private static final Sorting SORTING = Sorting.of(Map.of("month", "s.month", "net", "s.net",
            "createdAt", "s.created_at", "personName", "s.person_name"), "s.month desc", "s.id");
    private static final List<String> STATUSES = List.of("DRAFT", "APPROVED", "PAID", "CANCELLED");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern BANK_REFERENCE = Pattern.compile("[A-Z0-9]{6,40}");
    private static final Pattern CHEQUE_NUMBER = Pattern.compile("\\d{6}");
    private static final SalarySlipPdf PDF = new SalarySlipPdf();
    private static final java.time.format.DateTimeFormatter PERIOD_DAY = java.time.format.DateTimeFormatter.ofPattern("dd");
    private static final java.time.format.DateTimeFormatter PERIOD_MONTH = java.time.format.DateTimeFormatter
            .ofPattern("MMM", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final SalaryStructures structures;
    private final TeacherPay teacherPay;
    private final FinanceEvents events;
    private final PayrollSettings settings;
    private final FinanceSettings finance;
    private final Clock clock;

    SalarySlips(JdbcClient jdbc, SalaryStructures structures, TeacherPay teacherPay, FinanceEvents events,
            PayrollSettings settings, FinanceSettings finance, Clock clock) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.teacherPay = teacherPay;
        this.events = events;
        this.settings = settings;
        this.finance = finance;
        this.clock = clock;
    }

    /** What a person's slip of a month in a branch comes to, or empty when there is nothing to pay them. */
    record Computed(UUID personId, String personName, UUID structureId, SalaryMath.Slip slip) {
    }

    /** A correction line of an amendment. */
    public record Correction(String kind, String code, String name, BigDecimal amount) {
    }

    /**
     * Computes a person's slip: the structure in effect on any day of the month in the branch (prorated by
     * the days it was in effect) and the pay from the branch's batches they held, plus any corrections.
     */
    Optional<Computed> compute(UUID personId, UUID branchId, YearMonth month, List<SalaryMath.Extra> corrections) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<SalaryStructure> inEffect = structures.inEffect(personId, branchId, first, last);
        List<SalaryMath.Extra> extras = new ArrayList<>();
        for (TeacherPay.Line line : teacherPay.lines(personId, branchId, month)) {
            extras.add(new SalaryMath.Extra(SalaryMath.Kind.EARNING, line.code(), line.name(), line.amount(),
                    line.batchId(), line.basis()));
        }
        if (inEffect.isEmpty() && extras.isEmpty()) {
            return Optional.empty();
        }
        extras.addAll(corrections);
        List<SalaryMath.Segment> segments = new ArrayList<>();
        for (SalaryStructure s : inEffect) {
            LocalDate from = s.effectiveFrom().isAfter(first) ? s.effectiveFrom() : first;
            LocalDate to = s.effectiveTo() == null || s.effectiveTo().isAfter(last) ? last : s.effectiveTo();
            int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
            String period = inEffect.size() == 1 ? null
                    : PERIOD_DAY.format(from) + "-" + PERIOD_DAY.format(to) + " " + PERIOD_MONTH.format(to);
            segments.add(new SalaryMath.Segment(SalaryStructures.forMath(s), days, period));
        }
        SalaryMath.Slip slip = SalaryMath.compute(segments, month.lengthOfMonth(), extras, settings);
        String name = jdbc.sql("select name from payee_view where user_id = ?").param(personId).query(String.class)
                .optional().orElse(null);
        UUID structureId = inEffect.isEmpty() ? null : inEffect.getLast().id();
        return Optional.of(new Computed(personId, name, structureId, slip));
    }

    /**
     * Why a computed slip cannot be stored, or empty: a negative net, or an amount above what a slip holds
     * (numeric(12,2), and the net in words).
     */
    static Optional<String> unstorable(SalaryMath.Slip slip) {
        if (!slip.payable()) {
            return Optional.of(notPayable(slip));
        }
        return SalaryMath.tooLarge(slip);
    }

    /** Why a computed slip cannot be made: its deductions are above its gross. */
    static String notPayable(SalaryMath.Slip slip) {
        return "deductions " + slip.deductions().toPlainString() + " are above gross " + slip.gross().toPlainString()
                + ": the net would be " + slip.net().toPlainString();
    }

    /** Stores a DRAFT slip and its lines, made by {@code createdBy}; returns its id. */
    UUID insert(UUID runId, UUID branchId, YearMonth month, Computed computed, UUID amends, String reason,
            UUID createdBy) {
        UUID id = UuidV7.next();
        SalaryMath.Slip slip = computed.slip();
        jdbc.sql("""
                insert into salary_slip (id, run_id, person_id, person_name, branch_id, month, structure_id, status, amends,
                    amend_reason, working_days, payment_days, gross, total_deductions, net, net_in_words, created_at,
                    created_by, version)
                values (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id, runId, computed.personId(), computed.personName(), branchId, month.atDay(1),
                        computed.structureId(), amends, reason, slip.workingDays(), slip.paymentDays(), slip.gross(),
                        slip.deductions(), slip.net(), AmountInWords.of(slip.net()), Timestamp.from(clock.instant()),
                        createdBy)
                .update();
        insertLines(id, slip);
        return id;
    }

    private void insertLines(UUID id, SalaryMath.Slip slip) {
        int seq = 0;
        for (SalaryMath.Line line : slip.lines()) {
            jdbc.sql("""
                    insert into salary_slip_line (slip_id, seq, kind, code, name, amount, batch_id, basis)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, ++seq, line.kind().name(), line.code(), truncate(line.name(), 120), line.amount(),
                            line.batchId(), truncate(line.basis(), 200))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public SalarySlip get(UUID id, Caller caller) {
        return find(id).filter(s -> PayrollAccess.reads(caller, s.personId(), s.branchId()))
                .orElseThrow(() -> Problems.notFound("salary slip", id));
    }

    /** The slip as an A4 PDF. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID id, Caller caller) {
        SalarySlip slip = get(id, caller);
        String branchName = slip.branchId() == null ? "Head office"
                : jdbc.sql("select name from branch_view where branch_id = ?").param(slip.branchId())
                        .query(String.class).optional().orElse(null);
        List<SalarySlipDocument.Line> lines = slip.lines().stream()
                .map(l -> new SalarySlipDocument.Line("EARNING".equals(l.kind()), l.name(), l.basis(), l.amount()))
                .toList();
        return PDF.render(new SalarySlipDocument(finance.instituteName(), branchName, slip.personName(),
                slip.personId(), YearMonth.parse(slip.month()), slip.status(), slip.workingDays(), slip.paymentDays(),
                lines, slip.gross(), slip.totalDeductions(), slip.net(), slip.netInWords(), slip.amends(),
                slip.paidOn(), slip.paidMethod(), slip.paidReference()));
    }

    /** Slips in the caller's reach, latest month first; a person without read:payroll sees only their own. */
    @Transactional(readOnly = true)
    public PageResponse<SalarySlip> list(UUID personId, UUID branchId, String month, String status, UUID runId,
            Caller caller, Paging paging) {
        Where where = Where.always();
        if (!PayrollAccess.readsOthers(caller)) {
            where.and("s.person_id = :self", "self", caller.userId());
        } else if (!caller.seesAllBranches()) {
            where.and("s.branch_id = :reach", "reach", caller.branchId().orElse(null));
        }
        where.andIfPresent(personId, "s.person_id = :person", "person");
        where.andIfPresent(branchId, "s.branch_id = :branch", "branch");
        where.andIfPresent(month == null ? null : month(month).atDay(1), "s.month = :month", "month");
        if (status != null && !STATUSES.contains(status)) {
            throw Problems.invalidField("status", "must be DRAFT, APPROVED, PAID or CANCELLED");
        }
        where.andIfPresent(status, "s.status = :status", "status");
        where.andIfPresent(runId, "s.run_id = :run", "run");
        PageResponse<SalarySlip> page = PagedQuery.page(jdbc, COLUMNS, "salary_slip s", where, SORTING, paging,
                (rs, n) -> read(rs, List.of()));
        return PageResponse.of(page.content().stream().map(s -> find(s.id()).orElseThrow()).toList(), paging.size(),
                paging.page(), page.page().totalElements());
    }

    /** DRAFT to APPROVED; announces SalarySlipApproved. */
    @Transactional
    public SalarySlip approve(UUID id, Caller caller) {
        SalarySlip slip = forManage(id, caller);
        PayrollAccess.requireNotOwn(caller, slip.personId(), "approve a salary slip");
        requireStatus(slip, "DRAFT", "approved");
        if (slip.amends() != null && caller.is(slip.createdBy())) {
            throw Problems.forbidden("You made this amendment: someone else of payroll staff approves it");
        }
        Instant now = clock.instant();
        change(slip, jdbc.sql("""
                update salary_slip set status = 'APPROVED', approved_by = ?, approved_at = ?, version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""")
                .params(caller.userId(), Timestamp.from(now), id, slip.version()).update());
        events.salarySlipApproved(new SalarySlipApproved(id.toString(), slip.personId().toString(), text(slip.branchId()),
                slip.month(), slip.gross().toPlainString(), slip.totalDeductions().toPlainString(),
                slip.net().toPlainString(), text(slip.amends()), caller.userId().toString(), now.toString()));
        return find(id).orElseThrow();
    }

    /** APPROVED to PAID, with how it was paid; announces SalaryPaid. */
    @Transactional
    public SalarySlip pay(UUID id, String method, String reference, LocalDate paidOn, Caller caller) {
        SalarySlip slip = forManage(id, caller);
        PayrollAccess.requireNotOwn(caller, slip.personId(), "pay a salary slip");
        String how = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        String checked = reference(how, reference);
        LocalDate today = LocalDate.ofInstant(clock.instant(), finance.zone());
        LocalDate day = paidOn == null ? today : paidOn;
        if (day.isAfter(today)) {
            throw Problems.invalidField("paidOn", "must not be after today (" + today + ")");
        }
        if (day.isBefore(YearMonth.parse(slip.month()).atDay(1))) {
            throw Problems.invalidField("paidOn", "must not be before the month paid for (" + slip.month() + "-01)");
        }
        requireStatus(slip, "APPROVED", "paid");
        LocalDate approvedOn = LocalDate.ofInstant(slip.approvedAt(), finance.zone());
        if (day.isBefore(approvedOn)) {
            throw Problems.invalidField("paidOn", "must not be before the slip was approved (" + approvedOn + ")");
        }
        Instant now = clock.instant();
        change(slip, jdbc.sql("""
                update salary_slip set status = 'PAID', paid_by = ?, paid_at = ?, paid_on = ?, paid_method = ?,
                    paid_reference = ?, version = version + 1
                where id = ? and version = ? and status = 'APPROVED'""")
                .params(caller.userId(), Timestamp.from(now), day, how, checked, id, slip.version()).update());
        events.salaryPaid(new SalaryPaid(id.toString(), slip.personId().toString(), text(slip.branchId()), slip.month(),
                slip.net().toPlainString(), how, checked, text(slip.amends()), now.toString(), paidBefore(id)));
        return find(id).orElseThrow();
    }

    /** Recomputes a DRAFT slip (not an amendment) from the current structure and batches. */
    @Transactional
    public SalarySlip recalculate(UUID id, Caller caller) {
        SalarySlip slip = forManage(id, caller);
        PayrollAccess.requireNotOwn(caller, slip.personId(), "recalculate a salary slip");
        requireStatus(slip, "DRAFT", "recalculated");
        if (slip.amends() != null) {
            throw Problems.conflict("An amendment holds the lines its amendment set; it is not recalculated");
        }
        YearMonth month = YearMonth.parse(slip.month());
        Computed computed = compute(slip.personId(), slip.branchId(), month, List.of())
                .orElseThrow(() -> Problems.conflict("Nothing is to be paid to this person for " + month
                        + " any more: no salary structure and no batch pay"));
        Optional<String> unstorable = unstorable(computed.slip());
        if (unstorable.isPresent()) {
            throw Problems.conflict("The slip cannot be recalculated: " + unstorable.get());
        }
        SalaryMath.Slip math = computed.slip();
        change(slip, jdbc.sql("""
                update salary_slip set structure_id = ?, person_name = coalesce(?, person_name), working_days = ?,
                    payment_days = ?, gross = ?, total_deductions = ?, net = ?, net_in_words = ?, version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""")
                .params(computed.structureId(), computed.personName(), math.workingDays(), math.paymentDays(),
                        math.gross(), math.deductions(), math.net(), AmountInWords.of(math.net()), id, slip.version())
                .update());
        jdbc.sql("delete from salary_slip_line where slip_id = ?").param(id).update();
        insertLines(id, math);
        return find(id).orElseThrow();
    }

    /**
     * Corrects an APPROVED or PAID slip with a new DRAFT slip naming it (see the class comment for the rule).
     * An approved slip whose chain of amendments holds a PAID slip is itself a difference: its replacement
     * holds only the lines given, never the month's salary again.
     */
    @Transactional
    public SalarySlip amend(UUID id, String reason, List<Correction> lines, Caller caller) {
        SalarySlip slip = forManage(id, caller);
        PayrollAccess.requireNotOwn(caller, slip.personId(), "amend a salary slip");
        if (!slip.status().equals("APPROVED") && !slip.status().equals("PAID")) {
            throw Problems.conflict("The slip is " + slip.status() + ": only an approved or paid slip is amended"
                    + (slip.status().equals("DRAFT") ? "; recalculate a draft instead" : ""));
        }
        if (slip.amendedBy() != null) {
            throw Problems.conflict("The slip was already amended by " + slip.amendedBy() + "; amend that one");
        }
        List<SalaryMath.Extra> corrections = corrections(lines);
        YearMonth month = YearMonth.parse(slip.month());
        String why = reason.strip();
        boolean paid = slip.status().equals("PAID");
        Computed computed;
        if (paid || paidBefore(id)) {
            if (corrections.isEmpty()) {
                throw Problems.invalidField("lines", (paid ? "a paid slip" : "a correction of a paid slip")
                        + " is corrected by the lines still to pay or recover; give at least one");
            }
            SalaryMath.Slip math = SalaryMath.compute(null, slip.workingDays(), slip.paymentDays().intValue(),
                    corrections, settings);
            computed = new Computed(slip.personId(), slip.personName(), slip.structureId(), math);
        } else {
            computed = compute(slip.personId(), slip.branchId(), month, corrections)
                    .orElseGet(() -> new Computed(slip.personId(), slip.personName(), null,
                            SalaryMath.compute(null, month.lengthOfMonth(), month.lengthOfMonth(), corrections,
                                    settings)));
        }
        Optional<String> unstorable = unstorable(computed.slip());
        if (unstorable.isPresent()) {
            throw Problems.invalidField("lines", "the amendment cannot be paid: " + unstorable.get());
        }
        if (!paid) {
            change(slip, jdbc.sql("""
                    update salary_slip set status = 'CANCELLED', version = version + 1
                    where id = ? and version = ? and status = 'APPROVED'""").params(id, slip.version()).update());
        }
        UUID amendment = insert(slip.runId(), slip.branchId(), month, computed, id, why, caller.userId());
        return find(amendment).orElseThrow();
    }

    /**
     * Adds a person's DRAFT slip to a run that has none of theirs (given a structure after the run, or
     * skipped and since put right); clears their skipped row. Running the payroll again never does this.
     */
    @Transactional
    public SalarySlip addToRun(UUID runId, UUID personId, Caller caller) {
        record Run(UUID id, LocalDate month, UUID branchId) {
        }
        Run run = jdbc.sql("select id, month, branch_id from payroll_run where id = ? for update").param(runId)
                .query((rs, n) -> new Run(rs.getObject("id", UUID.class), rs.getObject("month", LocalDate.class),
                        rs.getObject("branch_id", UUID.class)))
                .optional().filter(r -> PayrollAccess.readsOthers(caller)
                        && caller.reaches(Optional.ofNullable(r.branchId())))
                .orElseThrow(() -> Problems.notFound("payroll run", runId));
        if (!PayrollAccess.manages(caller, run.branchId())) {
            throw Problems.forbidden("Adding a slip to the run needs manage:payroll for its branch");
        }
        if (personId == null) {
            throw Problems.invalidField("personId", "is required");
        }
        PayrollAccess.requireNotOwn(caller, personId, "add a salary slip");
        if (jdbc.sql("select count(*) from payee_view where user_id = ?").param(personId).query(Long.class).single() == 0) {
            throw Problems.notFound("teacher or staff member", personId);
        }
        Optional<UUID> existing = jdbc.sql("select id from salary_slip where run_id = ? and person_id = ? and amends is null")
                .params(runId, personId).query(UUID.class).optional();
        if (existing.isPresent()) {
            throw Problems.conflict("The run already has salary slip " + existing.get() + " of this person;"
                    + " recalculate or amend that one");
        }
        YearMonth month = YearMonth.from(run.month());
        Computed computed = compute(personId, run.branchId(), month, List.of())
                .orElseThrow(() -> Problems.invalidField("personId", "has nothing to be paid in this run: no salary"
                        + " structure of its branch in effect in " + month + " and no pay from its batches"));
        Optional<String> unstorable = unstorable(computed.slip());
        if (unstorable.isPresent()) {
            throw Problems.conflict("No slip can be made for this person: " + unstorable.get());
        }
        UUID slip = insert(runId, run.branchId(), month, computed, null, null, caller.userId());
        jdbc.sql("delete from payroll_run_skip where run_id = ? and person_id = ?").params(runId, personId).update();
        return find(slip).orElseThrow();
    }

    /** Whether a slip earlier in the chain of amendments leading to this one was PAID. */
    private boolean paidBefore(UUID id) {
        return jdbc.sql("""
                with recursive chain (id, status) as (
                    select s.id, s.status from salary_slip s where s.id = (select amends from salary_slip where id = ?)
                    union all
                    select s.id, s.status from salary_slip s join salary_slip c on c.amends = s.id
                      join chain on chain.id = c.id)
                select exists (select 1 from chain where status = 'PAID')""").param(id).query(Boolean.class).single();
    }

    private static List<SalaryMath.Extra> corrections(List<Correction> lines) {
        List<SalaryMath.Extra> extras = new ArrayList<>();
        if (lines == null) {
            return extras;
        }
        for (int i = 0; i < lines.size(); i++) {
            Correction c = lines.get(i);
            String field = "lines[" + i + "]";
            if (c == null) {
                throw Problems.invalidField(field, "is missing");
            }
            SalaryMath.Kind kind;
            try {
                kind = SalaryMath.Kind.valueOf(c.kind() == null ? "" : c.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField(field + ".kind", "must be EARNING or DEDUCTION");
            }
            String code = c.code() == null ? "" : c.code().strip().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw Problems.invalidField(field + ".code", "1 to 32 capital letters, digits or _, starting with a letter");
            }
            if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 120) {
                throw Problems.invalidField(field + ".name", "a name of 1 to 120 characters is required");
            }
            if (c.amount() == null || c.amount().signum() <= 0 || c.amount().stripTrailingZeros().scale() > 2
                    || c.amount().compareTo(new BigDecimal("9999999999.99")) > 0) {
                throw Problems.invalidField(field + ".amount", "must be more than zero, in rupees and paise");
            }
            extras.add(new SalaryMath.Extra(kind, code, c.name().strip(), c.amount().setScale(2), null, "correction"));
        }
        return extras;
    }

    private static String reference(String method, String reference) {
        String given = reference == null || reference.isBlank() ? null : PaymentReference.normalise(reference);
        switch (method) {
            case "CASH" -> {
                if (given != null && given.length() > 40) {
                    throw Problems.invalidField("reference", "at most 40 characters");
                }
                return given;
            }
            case "UPI" -> {
                try {
                    return PaymentReference.of(PaymentReference.Method.UPI, reference).value();
                } catch (IllegalArgumentException e) {
                    throw Problems.invalidField("reference", e.getMessage());
                }
            }
            case "BANK_TRANSFER" -> {
                if (given == null || !BANK_REFERENCE.matcher(given).matches()) {
                    throw Problems.invalidField("reference", "a bank transfer's UTR or reference is 6 to 40 letters or digits");
                }
                return given;
            }
            case "CHEQUE" -> {
                if (given == null || !CHEQUE_NUMBER.matcher(given).matches()) {
                    throw Problems.invalidField("reference", "a cheque's number is 6 digits");
                }
                return given;
            }
            default -> throw Problems.invalidField("method", "must be BANK_TRANSFER, UPI, CHEQUE or CASH");
        }
    }

    /** The slip, if the caller may change it (else 404, or 403 for the person themself). */
    private SalarySlip forManage(UUID id, Caller caller) {
        SalarySlip slip = find(id).orElseThrow(() -> Problems.notFound("salary slip", id));
        PayrollAccess.requireManage(caller, "salary slip", id, slip.personId(), slip.branchId());
        return slip;
    }

    private static void requireStatus(SalarySlip slip, String status, String what) {
        if (!slip.status().equals(status)) {
            throw Problems.conflict("The slip is " + slip.status() + ": only a " + status + " slip is " + what);
        }
    }

    /** One row changed, or someone else changed the slip since it was read: 409. */
    private static void change(SalarySlip slip, int updated) {
        if (updated != 1) {
            throw Problems.conflict("The slip was changed by someone else at the same time (it was at version "
                    + slip.version() + "); reload it and try again");
        }
    }

    Optional<SalarySlip> find(UUID id) {
        List<SalarySlip.Line> lines = jdbc.sql("""
                select seq, kind, code, name, amount, batch_id, basis from salary_slip_line where slip_id = ? order by seq""")
                .param(id)
                .query((rs, n) -> new SalarySlip.Line(rs.getInt("seq"), rs.getString("kind"), rs.getString("code"),
                        rs.getString("name"), rs.getBigDecimal("amount"), rs.getObject("batch_id", UUID.class),
                        rs.getString("basis")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from salary_slip s where s.id = ?").param(id)
                .query((rs, n) -> read(rs, lines)).optional();
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("month", "must be a year and month such as 2026-11");
        }
    }

    private static SalarySlip read(ResultSet rs, List<SalarySlip.Line> lines) throws SQLException {
        return new SalarySlip(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getString("person_name"),
                rs.getObject("branch_id", UUID.class), YearMonth.from(rs.getObject("month", LocalDate.class)).toString(),
                rs.getObject("structure_id", UUID.class), rs.getString("status"), rs.getObject("amends", UUID.class),
                rs.getObject("amended_by", UUID.class), rs.getString("amend_reason"), rs.getInt("working_days"),
                rs.getBigDecimal("payment_days"), lines, rs.getBigDecimal("gross"), rs.getBigDecimal("total_deductions"),
                rs.getBigDecimal("net"), rs.getString("net_in_words"), instant(rs, "created_at"),
                rs.getObject("created_by", UUID.class),
                rs.getObject("approved_by", UUID.class), instant(rs, "approved_at"), rs.getObject("paid_by", UUID.class),
                instant(rs, "paid_at"), rs.getObject("paid_on", LocalDate.class), rs.getString("paid_method"),
                rs.getString("paid_reference"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
