package dev.coachos.finance.payment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import dev.coachos.events.finance.PaymentReceived;
import dev.coachos.events.finance.PaymentReversed;
import dev.coachos.events.finance.ReceiptCancelled;
import dev.coachos.finance.FinanceEvents;
import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.Reach;
import dev.coachos.finance.money.IndianFormat;
import dev.coachos.finance.money.Money;
import dev.coachos.finance.money.PaymentReference;
import dev.coachos.finance.plan.FeePlans;
import dev.coachos.finance.receipt.Receipts;
import dev.coachos.messaging.idempotency.IdempotencyKeys;
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
 * Payments of students' fee plans. Each is taken in one transaction with the plan's row locked:
 * it is checked against what is pending, allocated to the open installments oldest first, given a
 * receipt number from its series, and announced (PaymentReceived) through the outbox. Nothing is
 * deleted: a bounced cheque or a payment entered in error is reversed with entries of its own.
 */
@Service
public class Payments {

    /** Cash of two lakh rupees or more in one payment may not be taken (Income-tax Act, section 269ST). */
    static final BigDecimal CASH_LIMIT = new BigDecimal("200000.00");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BANK_REFERENCE = Pattern.compile("[A-Z0-9]{6,40}");
    private static final Pattern CARD_REFERENCE = Pattern.compile("[A-Z0-9]{4,40}");
    private static final Pattern CHEQUE_NUMBER = Pattern.compile("[0-9]{6}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Sorting SORTING = Sorting.of(Map.of("receivedAt", "p.received_at", "amount", "p.amount"),
            "p.received_at desc", "p.id");

    private final JdbcClient jdbc;
    private final FeePlans plans;
    private final Receipts receipts;
    private final FinanceEvents events;
    private final IdempotencyKeys idempotency;
    private final FinanceSettings settings;
    private final Clock clock;

    Payments(JdbcClient jdbc, FeePlans plans, Receipts receipts, FinanceEvents events, IdempotencyKeys idempotency,
            FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.receipts = receipts;
        this.events = events;
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Takes a payment at the counter. The Idempotency-Key is required: a retry with the same key and
     * body answers what the first answered (with its receipt) and takes nothing.
     */
    public IdempotencyKeys.Answer record(NewPayment request, String key, Caller caller) {
        if (key == null) {
            throw Problems.invalidField("Idempotency-Key", "is required: send a new unique key with each payment, "
                    + "and the same key when retrying it");
        }
        Optional<IdempotencyKeys.Answer> done = idempotency.finished(caller.userId(), key, request);
        if (done.isPresent()) {
            return done.get();
        }
        Checked checked = check(request);
        return idempotency.once(caller.userId(), key, request, () -> {
            FeePlans.Locked plan = plans.lock(request.planId());
            Reach.requireManage(caller, "fee plan", plan.id(), plan.studentId(), plan.branchId());
            UUID paymentId = take(plan, request.amount(), request.method().name(), checked.reference(),
                    request.chequeBank(), request.chequeDate(), request.note(), caller.userId(), false);
            return IdempotencyKeys.Answer.of(201, JSON.writeValueAsString(find(paymentId).orElseThrow()));
        });
    }

    private record Checked(String reference) {
    }

    /** What each method needs, checked before anything is locked. */
    private Checked check(NewPayment request) {
        Money.requireExact(request.amount(), "amount");
        String raw = request.reference();
        return switch (request.method()) {
            case CASH -> {
                if (request.amount().compareTo(CASH_LIMIT) >= 0) {
                    throw Problems.raise(HttpStatus.UNPROCESSABLE_CONTENT, Problems.type("cash-limit"),
                            "Cash limit", "Cash of " + IndianFormat.rupees(CASH_LIMIT)
                                    + " or more cannot be taken in one payment (Income-tax Act, section 269ST)");
                }
                yield new Checked(null);
            }
            case UPI -> {
                try {
                    yield new Checked(PaymentReference.of(PaymentReference.Method.UPI, raw).value());
                } catch (IllegalArgumentException e) {
                    throw Problems.invalidField("reference", e.getMessage());
                }
            }
            case BANK_TRANSFER -> new Checked(shaped(raw, BANK_REFERENCE,
                    "a bank transfer needs its UTR or the bank's reference: 6 to 40 letters or digits"));
            case CARD -> new Checked(shaped(raw, CARD_REFERENCE,
                    "a card payment needs the terminal's reference: 4 to 40 letters or digits"));
            case CHEQUE -> {
                String number = shaped(raw, CHEQUE_NUMBER, "a cheque needs its 6-digit number");
                if (request.chequeBank() == null || request.chequeBank().isBlank()) {
                    throw Problems.invalidField("chequeBank", "a cheque needs the bank it is drawn on");
                }
                if (request.chequeDate() == null) {
                    throw Problems.invalidField("chequeDate", "a cheque needs the date written on it");
                }
                if (request.chequeDate().isBefore(plans.today().minusMonths(3))) {
                    throw Problems.invalidField("chequeDate", "a cheque dated more than three months ago is stale");
                }
                yield new Checked(number);
            }
        };
    }

    private static String shaped(String raw, Pattern shape, String rule) {
        String value = raw == null ? null : PaymentReference.normalise(raw);
        if (value == null || !shape.matcher(value).matches()) {
            throw Problems.invalidField("reference", rule);
        }
        return value;
    }

    /**
     * Takes a payment of a locked plan: checks it against what is pending (unless an advance is
     * allowed: money already received online is never refused), stores it, allocates it oldest first,
     * issues its receipt and publishes PaymentReceived.
     *
     * @return the payment's id
     */
    public UUID take(FeePlans.Locked plan, BigDecimal amount, String method, String reference, String chequeBank,
            LocalDate chequeDate, String note, UUID recordedBy, boolean allowAdvance) {
        BigDecimal pending = pending(plan.id());
        if (!allowAdvance && amount.compareTo(pending) > 0) {
            ErrorResponseException problem = Problems.raise(HttpStatus.UNPROCESSABLE_CONTENT,
                    Problems.type("more-than-pending"), "More than is pending",
                    "The payment of " + amount.toPlainString() + " is more than the plan's pending amount of "
                            + pending.toPlainString() + " (" + IndianFormat.rupees(pending) + ")");
            problem.getBody().setProperty("pending", pending);
            throw problem;
        }
        UUID paymentId = UuidV7.next();
        Timestamp now = Timestamp.from(clock.instant());
        String status = "CHEQUE".equals(method) ? "RECEIVED" : "CLEARED";
        int stored = jdbc.sql("""
                insert into payment (id, plan_id, student_id, branch_id, amount, method, reference, cheque_bank, cheque_date,
                    status, note, recorded_by, received_at, cleared_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                on conflict do nothing""")
                .params(paymentId, plan.id(), plan.studentId(), plan.branchId(), amount, method, reference,
                        chequeBank == null ? null : chequeBank.strip(), chequeDate, status, note, recordedBy, now,
                        "CLEARED".equals(status) ? now : null)
                .update();
        if (stored == 0) {
            UUID existing = jdbc.sql("""
                    select id from payment where upper(reference) = upper(?) and (method = ? or
                        (method in ('UPI', 'BANK_TRANSFER') and ? in ('UPI', 'BANK_TRANSFER')))""")
                    .params(reference, method, method).query(UUID.class).optional().orElse(null);
            throw new DuplicateReference(reference, existing);
        }
        Allocated allocated = allocate(plan, paymentId, amount, now);
        BigDecimal pendingAfter = pending(plan.id());
        Receipts.Issued receipt = receipts.issue(paymentId, plan.studentId(), plan.branchId(), allocated.lines(),
                pendingAfter);
        plans.touch(plan.id(), now);
        events.paymentReceived(new PaymentReceived(paymentId.toString(), receipt.id().toString(), receipt.number(),
                plan.studentId().toString(), plan.branchId() == null ? null : plan.branchId().toString(),
                plan.id().toString(), amount.toPlainString(), method, status, pendingAfter.toPlainString(),
                now.toInstant().toString(), allocated.installments()));
        return paymentId;
    }

    /** The same UTR or bank reference was taken already: 409 naming the payment that has it. */
    public static final class DuplicateReference extends ErrorResponseException {

        private final UUID existing;

        DuplicateReference(String reference, UUID existing) {
            super(HttpStatus.CONFLICT, Problems.detail(HttpStatus.CONFLICT, Problems.type("duplicate-reference"),
                    "Duplicate reference", "A payment with reference " + reference + " was recorded already"
                            + (existing == null ? "" : " (payment " + existing + ")")), null);
            this.existing = existing;
            if (existing != null) {
                getBody().setProperty("paymentId", existing);
            }
        }

        public Optional<UUID> existing() {
            return Optional.ofNullable(existing);
        }
    }

    /** A payment's receipt lines and the installments it paid into, each with its status after it. */
    private record Allocated(List<Receipts.Paid> lines, List<PaymentReceived.Settled> installments) {
    }

    private Allocated allocate(FeePlans.Locked plan, UUID paymentId, BigDecimal amount, Timestamp now) {
        record Open(UUID id, int seq, String kind, LocalDate due, BigDecimal unpaid) {
        }
        List<Open> open = jdbc.sql("""
                select id, seq, kind, due_date, amount - paid as unpaid from installment
                where plan_id = ? and status in ('DUE', 'PARTIALLY_PAID') order by due_date, seq""")
                .param(plan.id())
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("kind"),
                        rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("unpaid")))
                .list();
        String course = jdbc.sql("select course_title || ' (' || batch_name || ')' from fee_plan where id = ?")
                .param(plan.id()).query(String.class).single();
        List<Receipts.Paid> lines = new ArrayList<>();
        List<PaymentReceived.Settled> settled = new ArrayList<>();
        BigDecimal left = amount;
        for (Open o : open) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(o.unpaid());
            String statusAfter = jdbc.sql("""
                    update installment set paid = paid + ?,
                        status = case when paid + ? = amount then 'PAID' else 'PARTIALLY_PAID' end, updated_at = ?
                    where id = ? returning status""").params(part, part, now, o.id()).query(String.class).single();
            settled.add(new PaymentReceived.Settled(o.id().toString(), statusAfter));
            jdbc.sql("insert into allocation (id, payment_id, installment_id, amount, kind, created_at) values (?, ?, ?, ?, 'APPLIED', ?)")
                    .params(UuidV7.next(), paymentId, o.id(), part, now).update();
            String what = "BOUNCE_CHARGE".equals(o.kind()) ? "Cheque bounce charge" : "Coaching fee: " + course;
            lines.add(new Receipts.Paid(what + ", installment " + o.seq() + " due " + DAY.format(o.due()), part));
            left = left.subtract(part);
        }
        if (left.signum() > 0) {
            lines.add(new Receipts.Paid("Advance towards coaching fee: " + course, left));
        }
        return new Allocated(lines, List.copyOf(settled));
    }

    /** What a plan still asks: the unpaid part of its open installments. */
    public BigDecimal pending(UUID planId) {
        return Money.of(jdbc.sql("""
                select coalesce(sum(amount - paid), 0) from installment
                where plan_id = ? and status in ('DUE', 'PARTIALLY_PAID')""").param(planId)
                .query(BigDecimal.class).single());
    }

    @Transactional(readOnly = true)
    public Payment get(UUID id, Caller caller) {
        Payment payment = find(id).orElseThrow(() -> Problems.notFound("payment", id));
        Reach.requireRead(caller, "payment", id, payment.studentId(), payment.branchId());
        return payment;
    }

    private static final String COLUMNS = """
            p.id, p.plan_id, p.student_id, p.branch_id, p.amount, p.method, p.reference, p.cheque_bank, p.cheque_date,
            p.status, p.note, p.received_at, p.cleared_at, p.reversed_at, p.reversal_reason, p.bounce_charge,
            r.id as receipt_id, r.number as receipt_number, r.pending_after""";

    public Optional<Payment> find(UUID id) {
        List<Payment.Allocation> allocations = jdbc.sql("""
                select a.installment_id, i.seq, i.due_date, a.amount, a.kind from allocation a
                join installment i on i.id = a.installment_id where a.payment_id = ? order by a.created_at, a.kind, i.seq""")
                .param(id)
                .query((rs, n) -> new Payment.Allocation(rs.getObject("installment_id", UUID.class), rs.getInt("seq"),
                        rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("kind")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from payment p left join receipt r on r.payment_id = p.id where p.id = ?")
                .param(id).query((rs, n) -> read(rs, allocations)).optional();
    }

    private static Payment read(java.sql.ResultSet rs, List<Payment.Allocation> allocations) throws java.sql.SQLException {
        Timestamp cleared = rs.getTimestamp("cleared_at");
        Timestamp reversed = rs.getTimestamp("reversed_at");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getObject("branch_id", UUID.class), rs.getBigDecimal("amount"),
                rs.getString("method"), rs.getString("reference"), rs.getString("cheque_bank"),
                rs.getObject("cheque_date", LocalDate.class), rs.getString("status"), rs.getString("note"),
                rs.getTimestamp("received_at").toInstant(), cleared == null ? null : cleared.toInstant(),
                reversed == null ? null : reversed.toInstant(), rs.getString("reversal_reason"),
                rs.getBigDecimal("bounce_charge"), rs.getObject("receipt_id", UUID.class), rs.getString("receipt_number"),
                rs.getBigDecimal("pending_after"), allocations);
    }

    /** Payments in the caller's reach (a student's own), newest first. */
    @Transactional(readOnly = true)
    public PageResponse<Payment> list(UUID studentId, UUID planId, UUID branchId, Caller caller, Paging paging) {
        Where where = Where.always();
        if (Reach.isStudent(caller)) {
            where.and("p.student_id = :me", "me", caller.userId());
        } else {
            if (!caller.can("read:fees") && !caller.can("manage:fees")) {
                throw Problems.forbidden("Listing payments needs read:fees");
            }
            if (!caller.seesAllBranches()) {
                where.and("p.branch_id = :reach", "reach", caller.branchId().orElse(null));
            }
            where.andIfPresent(branchId, "p.branch_id = :branch", "branch");
            where.andIfPresent(studentId, "p.student_id = :student", "student");
        }
        where.andIfPresent(planId, "p.plan_id = :plan", "plan");
        return PagedQuery.page(jdbc, COLUMNS, "payment p left join receipt r on r.payment_id = p.id", where, SORTING,
                paging, (rs, n) -> read(rs, List.of()));
    }

    /** A cheque cleared: it counts from now on (its allocations stand as they are). */
    @Transactional
    public Payment clear(UUID paymentId, Caller caller) {
        Row payment = lockPayment(paymentId, caller);
        if (!"CHEQUE".equals(payment.method()) || !"RECEIVED".equals(payment.status())) {
            throw Problems.conflict("Payment " + paymentId + " is " + payment.status() + " by " + payment.method()
                    + ": only a received cheque can clear");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update payment set status = 'CLEARED', cleared_at = ?, version = version + 1 where id = ?")
                .params(now, paymentId).update();
        return find(paymentId).orElseThrow();
    }

    /**
     * A cheque bounced: its allocations are reversed with a reversal entry, its receipt is cancelled
     * (keeping its number) and, when asked, a bounce charge becomes an installment due today.
     */
    @Transactional
    public Payment bounce(UUID paymentId, String reason, BigDecimal charge, Caller caller) {
        Row payment = lockPayment(paymentId, caller);
        if (!"CHEQUE".equals(payment.method()) || !"RECEIVED".equals(payment.status())) {
            throw Problems.conflict("Payment " + paymentId + " is " + payment.status() + " by " + payment.method()
                    + ": only a received cheque can bounce");
        }
        if (charge != null) {
            Money.requireExact(charge, "bounceCharge");
        }
        return reverse(payment, "cheque bounced: " + reason.strip(), charge != null && charge.signum() > 0 ? charge : null,
                caller);
    }

    /** A payment entered in error is reversed (never deleted): its allocations undone, its receipt cancelled. */
    @Transactional
    public Payment reverse(UUID paymentId, String reason, Caller caller) {
        Row payment = lockPayment(paymentId, caller);
        if ("REVERSED".equals(payment.status())) {
            throw Problems.conflict("Payment " + paymentId + " was reversed already");
        }
        if ("ONLINE".equals(payment.method())) {
            throw Problems.conflict("An online payment is refunded through Razorpay, not reversed here");
        }
        return reverse(payment, reason.strip(), null, caller);
    }

    private Payment reverse(Row payment, String reason, BigDecimal charge, Caller caller) {
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate today = plans.today();
        record Applied(UUID installmentId, int seq, String status, BigDecimal amount) {
        }
        List<Applied> applied = jdbc.sql("""
                select a.installment_id, i.seq, i.status, sum(a.amount) as amount from allocation a
                join installment i on i.id = a.installment_id
                where a.payment_id = ? group by a.installment_id, i.seq, i.status having sum(a.amount) > 0""")
                .param(payment.id())
                .query((rs, n) -> new Applied(rs.getObject("installment_id", UUID.class), rs.getInt("seq"),
                        rs.getString("status"), rs.getBigDecimal("amount")))
                .list();
        int nextSeq = jdbc.sql("select coalesce(max(seq), 0) + 1 from installment where plan_id = ?")
                .param(payment.planId()).query(Integer.class).single();
        for (Applied a : applied) {
            jdbc.sql("insert into allocation (id, payment_id, installment_id, amount, kind, created_at) values (?, ?, ?, ?, 'REVERSAL', ?)")
                    .params(UuidV7.next(), payment.id(), a.installmentId(), a.amount().negate(), now).update();
            boolean stillOpenable = List.of("DUE", "PARTIALLY_PAID", "PAID").contains(a.status());
            jdbc.sql("""
                    update installment set paid = paid - ?, updated_at = ?,
                        status = case when status in ('DUE', 'PARTIALLY_PAID', 'PAID')
                                      then case when paid - ? = 0 then 'DUE' else 'PARTIALLY_PAID' end
                                      else status end
                    where id = ?""").params(a.amount(), now, a.amount(), a.installmentId()).update();
            if (!stillOpenable) {
                // The installment was closed since (waived, re-split, cancelled): what the payment had paid
                // on it is owed again, as an installment of its own.
                insertInstallment(payment, nextSeq++, "FEE", today, a.amount(),
                        "owed again: payment reversed on installment " + a.seq(), now);
            }
        }
        if (charge != null) {
            insertInstallment(payment, nextSeq, "BOUNCE_CHARGE", today, charge, "cheque bounce charge", now);
        }
        jdbc.sql("""
                update payment set status = 'REVERSED', reversed_at = ?, reversal_reason = ?, bounce_charge = ?,
                    version = version + 1 where id = ?""")
                .params(now, reason.length() > 300 ? reason.substring(0, 300) : reason, charge, payment.id()).update();
        plans.touch(payment.planId(), now);
        Payment after = find(payment.id()).orElseThrow();
        receipts.cancel(after.receiptId(), reason);
        String student = payment.studentId().toString();
        String branch = payment.branchId() == null ? null : payment.branchId().toString();
        events.paymentReversed(new PaymentReversed(payment.id().toString(), after.receiptId().toString(), student,
                branch, payment.planId().toString(), payment.amount().toPlainString(), reason,
                charge == null ? null : charge.toPlainString(), now.toInstant().toString()));
        events.receiptCancelled(new ReceiptCancelled(after.receiptId().toString(), after.receiptNumber(),
                payment.id().toString(), student, branch, reason, now.toInstant().toString()));
        return after;
    }

    private void insertInstallment(Row payment, int seq, String kind, LocalDate due, BigDecimal amount, String note,
            Timestamp now) {
        jdbc.sql("""
                insert into installment (id, plan_id, seq, kind, student_id, branch_id, due_date, amount, paid, status, note,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, 'DUE', ?, ?, ?)""")
                .params(UuidV7.next(), payment.planId(), seq, kind, payment.studentId(), payment.branchId(), due, amount,
                        note, now, now)
                .update();
    }

    private record Row(UUID id, UUID planId, UUID studentId, UUID branchId, BigDecimal amount, String method,
            String status) {
    }

    /** Locks the payment's plan, then the payment, and checks the caller manages its branch. */
    private Row lockPayment(UUID paymentId, Caller caller) {
        UUID planId = jdbc.sql("select plan_id from payment where id = ?").param(paymentId).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("payment", paymentId));
        FeePlans.Locked plan = plans.lock(planId);
        Reach.requireManage(caller, "payment", paymentId, plan.studentId(), plan.branchId());
        return jdbc.sql("select id, plan_id, student_id, branch_id, amount, method, status from payment where id = ? for update")
                .param(paymentId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("student_id", UUID.class), rs.getObject("branch_id", UUID.class),
                        rs.getBigDecimal("amount"), rs.getString("method"), rs.getString("status")))
                .single();
    }

    /** The institute's zone, for callers that print dates. */
    FinanceSettings settings() {
        return settings;
    }
}
