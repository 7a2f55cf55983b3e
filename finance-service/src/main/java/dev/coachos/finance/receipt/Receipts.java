package dev.coachos.finance.receipt;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.coachos.finance.FinanceSettings;
import dev.coachos.finance.Reach;
import dev.coachos.finance.directory.Directory;
import dev.coachos.finance.money.AmountInWords;
import dev.coachos.finance.money.FinancialYear;
import dev.coachos.finance.money.Gst;
import dev.coachos.finance.money.Money;
import dev.coachos.finance.money.ReceiptNumber;
import dev.coachos.finance.receipt.pdf.ReceiptDocument;
import dev.coachos.finance.receipt.pdf.ReceiptPdf;
import dev.coachos.platform.data.PagedQuery;
import dev.coachos.platform.data.Sorting;
import dev.coachos.platform.data.UuidV7;
import dev.coachos.platform.data.Where;
import dev.coachos.platform.security.Caller;
import dev.coachos.platform.web.PageResponse;
import dev.coachos.platform.web.Paging;
import dev.coachos.platform.web.Problems;

/**
 * Issues receipts inside a payment's transaction and reads them back. The number comes from the
 * series' counter row, incremented in the same transaction: until it commits, the row stays
 * locked, and a rollback returns the number, so a series never has a gap and never repeats.
 */
@Service
public class Receipts {

    /** The series of receipts of payments with no branch known here (head office). */
    static final String HEAD_OFFICE_SERIES = "HO";

    private static final Sorting SORTING = Sorting.of(Map.of("issuedOn", "r.issued_on", "number", "r.number",
            "total", "r.total"), "r.created_at desc", "r.id");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final FinanceSettings settings;
    private final Clock clock;
    private final ReceiptPdf printer = new ReceiptPdf();

    Receipts(JdbcClient jdbc, Directory directory, FinanceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Issues the receipt of a payment; call it in the payment's transaction, after its allocations.
     *
     * @param lines        what the payment paid, one entry per installment (and an advance, if any), amounts
     *                     adding up to the payment
     * @param pendingAfter what the plan owes after the payment
     */
    public Issued issue(UUID paymentId, UUID studentId, UUID branchId, List<Paid> lines, BigDecimal pendingAfter) {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        Optional<Directory.Branch> branch = directory.branch(branchId);
        Optional<Directory.Student> student = directory.student(studentId);
        String series = branch.map(Directory.Branch::receiptSeries).orElse(HEAD_OFFICE_SERIES);
        FinancialYear year = FinancialYear.of(today);
        long serial = jdbc.sql("""
                insert into receipt_counter (series, financial_year, next_number) values (?, ?, 2)
                on conflict (series, financial_year) do update set next_number = receipt_counter.next_number + 1
                returning next_number - 1""")
                .params(series, year.label()).query(Long.class).single();
        String number = ReceiptNumber.format(series, year, serial);

        boolean taxInvoice = branch.map(Directory.Branch::issuesTaxInvoices).orElse(false);
        String supplierState = branch.map(Directory.Branch::stateCode).orElse(null);
        String recipientState = student.map(Directory.Student::stateCode).orElse(null);
        // To an unregistered person the place of supply is their address on record, else the supplier's location.
        String placeOfSupply = recipientState != null ? recipientState : supplierState;
        boolean intraState = placeOfSupply == null || placeOfSupply.equals(supplierState);

        List<Receipt.Line> printed = new ArrayList<>();
        BigDecimal taxable = Money.ZERO, cgst = Money.ZERO, sgst = Money.ZERO, igst = Money.ZERO, total = Money.ZERO;
        for (Paid line : lines) {
            Gst tax = taxInvoice ? Gst.of(line.amount(), intraState, true)
                    : new Gst(line.amount(), Money.ZERO, Money.ZERO, Money.ZERO, line.amount());
            printed.add(new Receipt.Line(printed.size() + 1, line.description(), taxInvoice ? Gst.SAC_CODE : null,
                    tax.taxableValue(), tax.cgst(), tax.sgst(), tax.igst(), tax.total()));
            taxable = taxable.add(tax.taxableValue());
            cgst = cgst.add(tax.cgst());
            sgst = sgst.add(tax.sgst());
            igst = igst.add(tax.igst());
            total = total.add(tax.total());
        }
        UUID id = UuidV7.next();
        String recipientName = student.map(Directory.Student::name).filter(n -> n != null && !n.isBlank())
                .orElse("Student " + studentId);
        jdbc.sql("""
                insert into receipt (id, payment_id, number, series, financial_year, serial, kind, issued_on, student_id,
                    branch_id, institute_name, branch_name, supplier_gstin, supplier_state, supplier_state_code, recipient_name,
                    recipient_state_code, place_of_supply, taxable, cgst, sgst, igst, total, pending_after, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, paymentId, number, series, year.label(), serial, taxInvoice ? "TAX_INVOICE" : "RECEIPT", today,
                        studentId, branchId,
                        settings.instituteName(), branch.map(Directory.Branch::name).orElse("Head office"),
                        taxInvoice ? branch.get().gstin() : null, branch.map(Directory.Branch::state).orElse(null),
                        supplierState, recipientName, recipientState, placeOfSupply, taxable, cgst, sgst, igst, total,
                        pendingAfter, Timestamp.from(clock.instant()))
                .update();
        for (Receipt.Line line : printed) {
            jdbc.sql("""
                    insert into receipt_line (receipt_id, line_no, description, sac, taxable, cgst, sgst, igst, amount)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, line.lineNo(), line.description(), line.sac(), line.taxable(), line.cgst(), line.sgst(),
                            line.igst(), line.amount())
                    .update();
        }
        return new Issued(id, number);
    }

    /** Marks a receipt cancelled; it keeps its number and the series goes on. */
    public void cancel(UUID receiptId, String reason) {
        jdbc.sql("update receipt set cancelled_at = ?, cancel_reason = ? where id = ? and cancelled_at is null")
                .params(Timestamp.from(clock.instant()), reason, receiptId).update();
    }

    @Transactional(readOnly = true)
    public Receipt get(UUID id, Caller caller) {
        Receipt receipt = find(id).orElseThrow(() -> Problems.notFound("receipt", id));
        Reach.requireRead(caller, "receipt", id, receipt.studentId(), receipt.branchId());
        return receipt;
    }

    private static final String COLUMNS = """
            r.id, r.number, r.kind, r.issued_on, r.payment_id, p.plan_id, r.student_id, r.branch_id, r.institute_name, r.branch_name,
            r.supplier_gstin, r.supplier_state, r.supplier_state_code, r.recipient_name, r.recipient_state_code,
            r.place_of_supply, r.taxable, r.cgst, r.sgst, r.igst, r.total, r.pending_after, r.cancelled_at,
            r.cancel_reason, p.method, p.reference, p.status as payment_status""";

    Optional<Receipt> find(UUID id) {
        List<Receipt.Line> lines = jdbc.sql("""
                select line_no, description, sac, taxable, cgst, sgst, igst, amount from receipt_line
                where receipt_id = ? order by line_no""").param(id)
                .query((rs, n) -> new Receipt.Line(rs.getInt("line_no"), rs.getString("description"), rs.getString("sac"),
                        rs.getBigDecimal("taxable"), rs.getBigDecimal("cgst"), rs.getBigDecimal("sgst"),
                        rs.getBigDecimal("igst"), rs.getBigDecimal("amount")))
                .list();
        return jdbc.sql("select " + COLUMNS + " from receipt r join payment p on p.id = r.payment_id where r.id = ?")
                .param(id).query((rs, n) -> read(rs, lines)).optional();
    }

    private static Receipt read(java.sql.ResultSet rs, List<Receipt.Line> lines) throws java.sql.SQLException {
        Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
        BigDecimal total = rs.getBigDecimal("total");
        return new Receipt(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("kind"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("payment_id", UUID.class),
                rs.getObject("plan_id", UUID.class), rs.getObject("student_id", UUID.class),
                rs.getObject("branch_id", UUID.class),
                new Receipt.Supplier(rs.getString("institute_name"), rs.getString("branch_name"),
                        rs.getString("supplier_gstin"), rs.getString("supplier_state"), rs.getString("supplier_state_code")),
                new Receipt.Recipient(rs.getString("recipient_name"), rs.getString("recipient_state_code")),
                rs.getString("place_of_supply"), lines, rs.getBigDecimal("taxable"), rs.getBigDecimal("cgst"),
                rs.getBigDecimal("sgst"), rs.getBigDecimal("igst"), total, AmountInWords.of(total),
                rs.getString("method"), rs.getString("reference"), rs.getString("payment_status"),
                rs.getBigDecimal("pending_after"), cancelledAt != null,
                cancelledAt == null ? null : cancelledAt.toInstant(), rs.getString("cancel_reason"));
    }

    /** Receipts in the caller's reach (a student's own), newest first; lines are read one receipt at a time. */
    @Transactional(readOnly = true)
    public PageResponse<Receipt> list(UUID studentId, UUID branchId, Caller caller, Paging paging) {
        Where where = Where.always();
        if (Reach.isStudent(caller)) {
            where.and("r.student_id = :me", "me", caller.userId());
        } else {
            if (!caller.can("read:fees") && !caller.can("manage:fees")) {
                throw Problems.forbidden("Listing receipts needs read:fees");
            }
            if (!caller.seesAllBranches()) {
                where.and("r.branch_id = :reach", "reach", caller.branchId().orElse(null));
            }
            where.andIfPresent(branchId, "r.branch_id = :branch", "branch");
            where.andIfPresent(studentId, "r.student_id = :student", "student");
        }
        // A list shows the receipts' totals; their lines are in GET /api/v1/receipts/{id}.
        return PagedQuery.page(jdbc, COLUMNS, "receipt r join payment p on p.id = r.payment_id", where, SORTING, paging,
                (rs, n) -> read(rs, List.of()));
    }

    /** A receipt as a PDF, for whoever may read it. */
    @Transactional(readOnly = true)
    public byte[] pdf(UUID id, Caller caller) {
        Receipt receipt = get(id, caller);
        return printer.render(document(receipt));
    }

    /** What the PDF prints: the receipt as issued, and the installments its payment went to. */
    ReceiptDocument document(Receipt r) {
        List<ReceiptDocument.Allocation> allocations = jdbc.sql("""
                select i.seq, i.kind, i.due_date, a.amount from allocation a join installment i on i.id = a.installment_id
                where a.payment_id = ? and a.kind = 'APPLIED' order by i.due_date, i.seq""").param(r.paymentId())
                .query((rs, n) -> new ReceiptDocument.Allocation(
                        ("BOUNCE_CHARGE".equals(rs.getString("kind")) ? "Bounce charge " : "Installment ") + rs.getInt("seq"),
                        rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("amount")))
                .list();
        boolean tax = "TAX_INVOICE".equals(r.kind());
        List<ReceiptDocument.Line> lines = r.lines().stream()
                .map(l -> tax ? new ReceiptDocument.Line(l.description(), l.sac(), l.taxable(), l.cgst(), l.sgst(),
                        l.igst(), l.amount()) : ReceiptDocument.Line.untaxed(l.description(), l.amount()))
                .toList();
        Receipt.Supplier supplier = r.supplier();
        String stateName = supplier.state() != null ? supplier.state()
                : supplier.stateCode() == null ? null : "State code " + supplier.stateCode();
        String placeOfSupply = r.placeOfSupply() == null ? null
                : r.placeOfSupply().equals(supplier.stateCode()) && supplier.state() != null
                        ? r.placeOfSupply() + " " + supplier.state() : r.placeOfSupply();
        return new ReceiptDocument(r.number(), r.issuedOn(),
                tax ? ReceiptDocument.Kind.TAX_INVOICE : ReceiptDocument.Kind.RECEIPT, r.cancelled(),
                r.cancelled() ? (r.cancelReason() == null ? "cancelled" : r.cancelReason()) : null,
                new ReceiptDocument.Supplier(supplier.instituteName(), supplier.branchName(), List.of(), stateName,
                        supplier.stateCode(), supplier.gstin()),
                new ReceiptDocument.Recipient(r.recipient().name(), r.studentId().toString(), r.recipient().stateCode()),
                placeOfSupply, lines, r.total(), r.totalInWords(),
                new ReceiptDocument.Payment(methodName(r.paymentMethod()), r.paymentReference(), r.issuedOn()),
                allocations, r.pendingAfter());
    }

    private static String methodName(String method) {
        return switch (method) {
            case "BANK_TRANSFER" -> "Bank transfer";
            case "ONLINE" -> "Online (Razorpay)";
            case "UPI", "CASH", "CARD", "CHEQUE" -> method.equals("UPI") ? "UPI"
                    : method.charAt(0) + method.substring(1).toLowerCase(java.util.Locale.ROOT);
            default -> method;
        };
    }

    /** A line to print: what it was for and what was paid on it. */
    public record Paid(String description, BigDecimal amount) {
    }

    /** The receipt just issued. */
    public record Issued(UUID id, String number) {
    }
}
