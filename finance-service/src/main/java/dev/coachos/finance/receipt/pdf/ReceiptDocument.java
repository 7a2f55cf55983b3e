package dev.coachos.finance.receipt.pdf;

import dev.coachos.finance.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything a printed receipt shows, already computed: {@link ReceiptPdf} only lays it out and formats amounts and
 * dates, it adds nothing up. Amounts are rupees in whole paise (scale 2 after {@link Money#requireExact}); a text
 * that may be absent is null, never blank.
 *
 * <p>A tax invoice needs the supplier's GSTIN and state, and its lines show the tax heads: CGST and SGST for an
 * intra-state supply, IGST for an inter-state one, never both on one document. A plain receipt carries no tax on
 * its lines, since it has no column to print it in.
 *
 * @param number the receipt number, such as {@code DEL/26-27/00042}
 * @param issuedOn the date of the receipt
 * @param kind a tax invoice or a plain receipt
 * @param cancelled whether the receipt was cancelled; it is then stamped CANCELLED
 * @param cancelReason why it was cancelled, required when cancelled, null otherwise
 * @param supplier the institute and branch that issued it
 * @param recipient the student it was issued to
 * @param placeOfSupply the place of supply as printed, such as {@code "07 Delhi"}, or null
 * @param lines what was charged, at least one line
 * @param total what the receipt is for, in rupees
 * @param totalInWords the total in words, such as "Five Thousand Rupees Only"
 * @param payment how the money was paid
 * @param allocations the installments the payment was applied to, possibly none
 * @param pendingAfter what the student still owes after this payment, not negative
 */
public record ReceiptDocument(
        String number,
        LocalDate issuedOn,
        Kind kind,
        boolean cancelled,
        String cancelReason,
        Supplier supplier,
        Recipient recipient,
        String placeOfSupply,
        List<Line> lines,
        BigDecimal total,
        String totalInWords,
        Payment payment,
        List<Allocation> allocations,
        BigDecimal pendingAfter) {

    /** Checks the essentials and the rules in the class description. */
    public ReceiptDocument {
        number = required(number, "number");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(kind, "kind");
        cancelReason = optional(cancelReason);
        if (cancelled && cancelReason == null) {
            throw new IllegalArgumentException("a cancelled receipt needs a cancel reason");
        }
        if (!cancelled && cancelReason != null) {
            throw new IllegalArgumentException("a receipt that is not cancelled has no cancel reason");
        }
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(recipient, "recipient");
        placeOfSupply = optional(placeOfSupply);
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a receipt has at least one line");
        }
        total = Money.requireExact(total, "total");
        totalInWords = required(totalInWords, "totalInWords");
        Objects.requireNonNull(payment, "payment");
        allocations = List.copyOf(Objects.requireNonNull(allocations, "allocations"));
        pendingAfter = Money.requireNonNegative(pendingAfter, "pendingAfter");
        boolean intraState = lines.stream().anyMatch(Line::chargesIntraStateTax);
        boolean interState = lines.stream().anyMatch(Line::chargesInterStateTax);
        if (kind == Kind.TAX_INVOICE) {
            if (supplier.gstin() == null) {
                throw new IllegalArgumentException("a tax invoice needs the supplier's GSTIN");
            }
            if (supplier.stateName() == null || supplier.stateCode() == null) {
                throw new IllegalArgumentException("a tax invoice needs the supplier's state and state code");
            }
            if (intraState && interState) {
                throw new IllegalArgumentException(
                        "a tax invoice charges either CGST and SGST or IGST, not both");
            }
        } else if (intraState || interState) {
            throw new IllegalArgumentException("a plain receipt carries no tax; issue a tax invoice instead");
        }
    }

    /**
     * Whether the tax columns are IGST (an inter-state supply) rather than CGST and SGST. Only a line that carries
     * IGST and no line with CGST or SGST makes it so.
     */
    boolean interState() {
        if (lines.stream().anyMatch(Line::chargesInterStateTax)) {
            return true;
        }
        if (lines.stream().anyMatch(Line::chargesIntraStateTax)) {
            return false;
        }
        // All heads zero: the heads that are given at all decide.
        return lines.stream().anyMatch(line -> line.igst() != null)
                && lines.stream().noneMatch(line -> line.cgst() != null || line.sgst() != null);
    }

    /** A tax invoice, under GST, or a plain receipt from an institute that charges no GST. */
    public enum Kind {
        TAX_INVOICE("Tax Invoice"),
        RECEIPT("Receipt");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        /** The title printed at the top, such as "Tax Invoice". */
        public String title() {
            return title;
        }
    }

    /**
     * The institute and branch that issue the receipt.
     *
     * @param instituteName the institute, printed largest
     * @param branchName the branch
     * @param addressLines the branch's address, one printed line each, possibly none
     * @param stateName the branch's state, such as "Delhi", or null; required on a tax invoice
     * @param stateCode the state's two-digit GST code, such as "07", or null; required on a tax invoice
     * @param gstin the branch's GSTIN, or null when it charges no GST; required on a tax invoice
     */
    public record Supplier(
            String instituteName,
            String branchName,
            List<String> addressLines,
            String stateName,
            String stateCode,
            String gstin) {

        /** Checks the names and trims the optional parts to null. */
        public Supplier {
            instituteName = required(instituteName, "instituteName");
            branchName = required(branchName, "branchName");
            addressLines = Objects.requireNonNull(addressLines, "addressLines").stream()
                    .map(ReceiptDocument::optional)
                    .filter(Objects::nonNull)
                    .toList();
            stateName = optional(stateName);
            stateCode = optional(stateCode);
            gstin = optional(gstin);
        }
    }

    /**
     * The student the receipt is issued to.
     *
     * @param studentName the name as printed
     * @param studentRef the student's id or enrolment reference as printed
     * @param stateCode the student's state code when known, or null
     */
    public record Recipient(String studentName, String studentRef, String stateCode) {

        /** Checks the name and the reference. */
        public Recipient {
            studentName = required(studentName, "studentName");
            studentRef = required(studentRef, "studentRef");
            stateCode = optional(stateCode);
        }
    }

    /**
     * One charge. On a tax invoice the amount is the taxable value plus its tax; on a plain receipt it equals the
     * taxable value. A tax head that does not apply is null or 0.00.
     *
     * @param description what was charged, such as "Course fee: JEE 2027, installment 2 of 10"
     * @param sac the services accounting code, such as {@code 999293}, or null
     * @param taxable the taxable value
     * @param cgst central tax, or null
     * @param sgst state tax, or null
     * @param igst integrated tax, or null
     * @param amount what the line comes to
     */
    public record Line(
            String description,
            String sac,
            BigDecimal taxable,
            BigDecimal cgst,
            BigDecimal sgst,
            BigDecimal igst,
            BigDecimal amount) {

        /** Checks the description and that every amount given is whole paise. */
        public Line {
            description = required(description, "description");
            sac = optional(sac);
            taxable = Money.requireExact(taxable, "taxable");
            cgst = cgst == null ? null : Money.requireExact(cgst, "cgst");
            sgst = sgst == null ? null : Money.requireExact(sgst, "sgst");
            igst = igst == null ? null : Money.requireExact(igst, "igst");
            amount = Money.requireExact(amount, "amount");
        }

        /** A line with no tax, as on a plain receipt: the taxable value is the amount. */
        public static Line untaxed(String description, BigDecimal amount) {
            return new Line(description, null, amount, null, null, null, amount);
        }

        boolean chargesIntraStateTax() {
            return nonZero(cgst) || nonZero(sgst);
        }

        boolean chargesInterStateTax() {
            return nonZero(igst);
        }

        private static boolean nonZero(BigDecimal amount) {
            return amount != null && amount.signum() != 0;
        }
    }

    /**
     * How the money came in.
     *
     * @param method the method as printed, such as "UPI" or "Cheque"
     * @param reference the transaction, cheque or gateway reference, or null
     * @param receivedOn the date the money was received
     */
    public record Payment(String method, String reference, LocalDate receivedOn) {

        /** Checks the method and the date. */
        public Payment {
            method = required(method, "method");
            reference = optional(reference);
            Objects.requireNonNull(receivedOn, "receivedOn");
        }
    }

    /**
     * The part of the payment applied to one installment.
     *
     * @param installment the installment as printed, such as "Installment 2 of 10"
     * @param dueDate when it was due
     * @param amountApplied how much of this payment went to it
     */
    public record Allocation(String installment, LocalDate dueDate, BigDecimal amountApplied) {

        /** Checks every part. */
        public Allocation {
            installment = required(installment, "installment");
            Objects.requireNonNull(dueDate, "dueDate");
            amountApplied = Money.requireExact(amountApplied, "amountApplied");
        }
    }

    private static String required(String text, String field) {
        String value = optional(text);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
