package dev.coachos.finance.expense;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.events.finance.ExpenseApproved;
import dev.coachos.events.finance.ExpenseRecorded;
import dev.coachos.events.finance.ExpenseReversed;
import dev.coachos.finance.FinanceEvents;
import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.money.Money;
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
 * Expenses by branch. Staff with manage:expenses record them for a branch in their reach; one of
 * more than the approval threshold waits (PENDING_APPROVAL) until someone in an approver role,
 * other than the one who recorded it, approves it. A pending or counted expense is reversed,
 * never deleted. Each change is announced through the outbox in its own transaction.
 */
@Service
public class Expenses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, title, amount, category, spent_on, branch_id, campaign_id, bill_url, status, recorded_by, recorded_at,
            approved_by, approved_at, reversed_by, reversed_at, reason""";
    private static final Sorting SORTING = Sorting.of(
            Map.of("spentOn", "spent_on", "amount", "amount", "recordedAt", "recorded_at"), "spent_on desc", "id");

    private final JdbcClient jdbc;
    private final FinanceEvents events;
    private final IdempotencyKeys idempotency;
    private final ExpenseSettings settings;
    private final FinanceSettings finance;
    private final Clock clock;

    Expenses(JdbcClient jdbc, FinanceEvents events, IdempotencyKeys idempotency, ExpenseSettings settings,
            FinanceSettings finance, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.idempotency = idempotency;
        this.settings = settings;
        this.finance = finance;
        this.clock = clock;
    }

    /**
     * Records an expense for a branch in the caller's reach. With an Idempotency-Key, a retry with
     * the same key and body answers what the first answered and records nothing.
     */
    public IdempotencyKeys.Answer record(NewExpense request, String key, Caller caller) {
        Optional<IdempotencyKeys.Answer> done = idempotency.finished(caller.userId(), key, request);
        if (done.isPresent()) {
            return done.get();
        }
        if (!caller.reaches(Optional.of(request.branchId()))) {
            throw Problems.forbidden("Recording an expense needs manage:expenses for its branch");
        }
        Money.requireExact(request.amount(), "amount");
        String category = category(request.category());
        String billUrl = billUrl(request.billUrl());
        if (request.spentOn().isAfter(today())) {
            throw Problems.invalidField("spentOn", "must not be after today (" + today() + ")");
        }
        String title = request.title().strip();
        BigDecimal amount = request.amount().setScale(Money.SCALE, Money.ROUNDING);
        String status = amount.compareTo(settings.expenseApprovalAbove()) > 0 ? "PENDING_APPROVAL" : "COUNTED";
        return idempotency.once(caller.userId(), key, request, () -> {
            UUID id = UuidV7.next();
            Instant now = clock.instant();
            jdbc.sql("""
                    insert into expense (id, title, amount, category, spent_on, branch_id, campaign_id, bill_url, status,
                        recorded_by, recorded_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                    .params(id, title, amount, category, request.spentOn(), request.branchId(), request.campaignId(),
                            billUrl, status, caller.userId(), Timestamp.from(now))
                    .update();
            events.expenseRecorded(new ExpenseRecorded(id.toString(), request.branchId().toString(),
                    text(request.campaignId()), category, title, amount.toPlainString(), request.spentOn().toString(),
                    status, caller.userId().toString(), now.toString()));
            return IdempotencyKeys.Answer.of(201, JSON.writeValueAsString(find(id).orElseThrow()));
        });
    }

    /** Approves a pending expense: only an approver role, never its recorder, only while it is pending. */
    @Transactional
    public Expense approve(UUID id, Caller caller) {
        Expense expense = lockForManage(id, caller);
        if (settings.expenseApproverRoles().stream().noneMatch(caller.roles()::contains)) {
            throw Problems.forbidden("Approving an expense needs one of the roles "
                    + String.join(", ", settings.expenseApproverRoles()));
        }
        if (caller.is(expense.recordedBy())) {
            throw Problems.forbidden("An expense is approved by someone other than the one who recorded it");
        }
        if (!"PENDING_APPROVAL".equals(expense.status())) {
            throw Problems.conflict("The expense is " + expense.status() + ": only one waiting for approval is approved");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update expense set status = 'COUNTED', approved_by = ?, approved_at = ?, version = version + 1
                where id = ?""").params(caller.userId(), Timestamp.from(now), id).update();
        events.expenseApproved(new ExpenseApproved(id.toString(), expense.branchId().toString(),
                text(expense.campaignId()), expense.category(), expense.amount().toPlainString(),
                expense.spentOn().toString(), caller.userId().toString(), now.toString()));
        return find(id).orElseThrow();
    }

    /** Reverses a pending (rejected) or counted (entered in error) expense; it stays, and no longer counts. */
    @Transactional
    public Expense reverse(UUID id, String reason, Caller caller) {
        Expense expense = lockForManage(id, caller);
        if ("REVERSED".equals(expense.status())) {
            throw Problems.conflict("The expense was already reversed");
        }
        Instant now = clock.instant();
        String why = reason.strip();
        jdbc.sql("""
                update expense set status = 'REVERSED', reversed_by = ?, reversed_at = ?, reason = ?,
                    version = version + 1
                where id = ?""").params(caller.userId(), Timestamp.from(now), why, id).update();
        events.expenseReversed(new ExpenseReversed(id.toString(), expense.branchId().toString(),
                text(expense.campaignId()), expense.amount().toPlainString(), why, caller.userId().toString(),
                now.toString()));
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Expense get(UUID id, Caller caller) {
        requireRead(caller);
        return find(id).filter(e -> caller.reaches(Optional.of(e.branchId())))
                .orElseThrow(() -> Problems.notFound("expense", id));
    }

    /** Expenses in the caller's reach, latest spent first. */
    @Transactional(readOnly = true)
    public PageResponse<Expense> list(UUID branchId, String category, String status, UUID campaignId, LocalDate from,
            LocalDate to, Caller caller, Paging paging) {
        requireRead(caller);
        Where where = Where.always();
        if (!caller.seesAllBranches()) {
            where.and("branch_id = :reach", "reach", caller.branchId().orElse(null));
        }
        where.andIfPresent(branchId, "branch_id = :branch", "branch");
        where.andIfPresent(category == null ? null : category.strip().toUpperCase(Locale.ROOT), "category = :category",
                "category");
        if (status != null && !java.util.List.of("PENDING_APPROVAL", "COUNTED", "REVERSED").contains(status)) {
            throw Problems.invalidField("status", "must be PENDING_APPROVAL, COUNTED or REVERSED");
        }
        where.andIfPresent(status, "status = :status", "status");
        where.andIfPresent(campaignId, "campaign_id = :campaign", "campaign");
        where.andIfPresent(from, "spent_on >= :from", "from");
        where.andIfPresent(to, "spent_on <= :to", "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.invalidField("to", "must not be before from");
        }
        return PagedQuery.page(jdbc, COLUMNS, "expense", where, SORTING, paging, (rs, n) -> read(rs));
    }

    private static void requireRead(Caller caller) {
        if (!caller.can("read:expenses") && !caller.can("manage:expenses")) {
            throw Problems.forbidden("Reading expenses needs read:expenses");
        }
    }

    /** The expense's row, locked, if it is in the caller's reach (else a 404). */
    private Expense lockForManage(UUID id, Caller caller) {
        return jdbc.sql("select " + COLUMNS + " from expense where id = ? for update").param(id)
                .query((rs, n) -> read(rs)).optional().filter(e -> caller.reaches(Optional.of(e.branchId())))
                .orElseThrow(() -> Problems.notFound("expense", id));
    }

    private Optional<Expense> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from expense where id = ?").param(id).query((rs, n) -> read(rs))
                .optional();
    }

    private static Expense read(ResultSet rs) throws SQLException {
        return new Expense(rs.getObject("id", UUID.class), rs.getString("title"), rs.getBigDecimal("amount"),
                rs.getString("category"), rs.getObject("spent_on", LocalDate.class),
                rs.getObject("branch_id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getString("bill_url"), rs.getString("status"), rs.getObject("recorded_by", UUID.class),
                instant(rs, "recorded_at"), rs.getObject("approved_by", UUID.class), instant(rs, "approved_at"),
                rs.getObject("reversed_by", UUID.class), instant(rs, "reversed_at"), rs.getString("reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private String category(String given) {
        String category = given.strip().toUpperCase(Locale.ROOT);
        if (!settings.expenseCategories().contains(category)) {
            throw Problems.invalidField("category", "must be one of " + String.join(", ", settings.expenseCategories()));
        }
        return category;
    }

    private static String billUrl(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String url = given.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= 500) {
                return url;
            }
        } catch (URISyntaxException e) {
            // told below
        }
        throw Problems.invalidField("billUrl", "must be an http or https address of at most 500 characters");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), finance.zone());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
