package dev.coachos.finance.receipt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A receipt as issued: a TAX_INVOICE when the branch had a GSTIN (SAC 999293 at 18%, CGST + SGST
 * within the state, IGST across), else a plain RECEIPT with no tax. Fees are inclusive of tax: each
 * line's amount is what was paid on it, and its taxable value and tax heads are worked out of it in
 * paise.
 *
 * @param placeOfSupply the two-digit state code of the place of supply (the student's state on
 *                      record, else the branch's), or null on a plain receipt without a known state
 * @param pendingAfter  what the plan still owed right after this payment
 * @param paymentStatus CLEARED, RECEIVED (a cheque not yet cleared) or REVERSED
 */
public record Receipt(UUID id, String number, String kind, LocalDate issuedOn, UUID paymentId, UUID planId,
        UUID studentId, UUID branchId, Supplier supplier, Recipient recipient, String placeOfSupply, List<Line> lines,
        BigDecimal taxable, BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal total, String totalInWords,
        String paymentMethod, String paymentReference, String paymentStatus, BigDecimal pendingAfter,
        boolean cancelled, Instant cancelledAt, String cancelReason) {

    /** Who issued it, as printed: the institute and its branch, with the branch's GSTIN and state. */
    public record Supplier(String instituteName, String branchName, String gstin, String state, String stateCode) {
    }

    /** Whom it is made out to, as printed. */
    public record Recipient(String name, String stateCode) {
    }

    /** One line: an installment the payment went to (or an advance), with its tax. */
    public record Line(int lineNo, String description, String sac, BigDecimal taxable, BigDecimal cgst, BigDecimal sgst,
            BigDecimal igst, BigDecimal amount) {
    }
}
