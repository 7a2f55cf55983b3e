package dev.coachos.finance.receipt.pdf;

import dev.coachos.finance.money.AmountInWords;
import dev.coachos.finance.money.Gst;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Allocation;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Kind;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Line;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Payment;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Recipient;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Supplier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Receipts as the finance service would fill them, for the tests of this package. */
final class SampleReceipts {

    static final String GSTIN = "07AAACV1234F1Z5";
    static final LocalDate ISSUED_ON = LocalDate.of(2026, 4, 14);

    private SampleReceipts() {
    }

    static Supplier delhiBranch(String gstin) {
        return new Supplier("Vidya Coaching Institute", "Laxmi Nagar branch",
                List.of("2nd floor, 14 Vikas Marg", "Laxmi Nagar, New Delhi 110092"), "Delhi", "07", gstin);
    }

    /** A tax invoice for a Delhi student: CGST and SGST on 1,04,62,439.41 make 1,23,45,678.50 in all. */
    static ReceiptDocument intraState() {
        Gst gst = Gst.of(new BigDecimal("12345678.50"), true, true);
        Line line = new Line("Course fee: JEE Advanced 2027, two-year classroom programme", Gst.SAC_CODE,
                gst.taxableValue(), gst.cgst(), gst.sgst(), gst.igst(), gst.total());
        return new ReceiptDocument("DEL/26-27/00042", ISSUED_ON, Kind.TAX_INVOICE, false, null,
                delhiBranch(GSTIN), new Recipient("Aarav Sharma", "ENR-2026-0042", "07"), "07 Delhi",
                List.of(line), gst.total(), AmountInWords.of(gst.total()),
                new Payment("UPI", "UTR 412398765432", ISSUED_ON),
                List.of(new Allocation("Installment 1 of 2", ISSUED_ON, new BigDecimal("12345678.50"))),
                new BigDecimal("2500000.00"));
    }

    /** A tax invoice for a student in Uttar Pradesh: IGST 18% on 15,677.97. */
    static ReceiptDocument interState() {
        Gst gst = Gst.of(new BigDecimal("18500.00"), false, true);
        Line line = new Line("Course fee: NEET 2027 crash course, installment 2 of 3", Gst.SAC_CODE,
                gst.taxableValue(), gst.cgst(), gst.sgst(), gst.igst(), gst.total());
        return new ReceiptDocument("DEL/26-27/00043", ISSUED_ON, Kind.TAX_INVOICE, false, null,
                delhiBranch(GSTIN), new Recipient("Priya Verma", "ENR-2026-0107", "09"), "09 Uttar Pradesh",
                List.of(line), gst.total(), AmountInWords.of(gst.total()),
                new Payment("Card", "pay_Q8xV2mT7LkP9zA", ISSUED_ON),
                List.of(
                        new Allocation("Installment 2 of 3", LocalDate.of(2026, 4, 10), new BigDecimal("12000.00")),
                        new Allocation("Installment 3 of 3", LocalDate.of(2026, 5, 10), new BigDecimal("6500.00"))),
                new BigDecimal("5500.00"));
    }

    /** A receipt from a branch that charges no GST, paid in cash with no reference. */
    static ReceiptDocument plain() {
        BigDecimal amount = new BigDecimal("7500.00");
        return new ReceiptDocument("LKO/26-27/00007", ISSUED_ON, Kind.RECEIPT, false, null,
                new Supplier("Vidya Coaching Institute", "Hazratganj branch", List.of("Hazratganj, Lucknow 226001"),
                        "Uttar Pradesh", "09", null),
                new Recipient("Rohan Gupta", "ENR-2026-0311", null), null,
                List.of(Line.untaxed("Foundation course, class 9: installment 1 of 4", amount)), amount,
                AmountInWords.of(amount), new Payment("Cash", null, ISSUED_ON),
                List.of(new Allocation("Installment 1 of 4", ISSUED_ON, amount)), new BigDecimal("22500.00"));
    }

    /** The intra-state tax invoice, cancelled. */
    static ReceiptDocument cancelled() {
        ReceiptDocument issued = intraState();
        return new ReceiptDocument(issued.number(), issued.issuedOn(), issued.kind(), true,
                "Cheque returned unpaid by the bank", issued.supplier(), issued.recipient(), issued.placeOfSupply(),
                issued.lines(), issued.total(), issued.totalInWords(), issued.payment(), issued.allocations(),
                issued.pendingAfter());
    }
}
