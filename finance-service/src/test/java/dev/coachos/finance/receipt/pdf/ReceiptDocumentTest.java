package dev.coachos.finance.receipt.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachos.finance.receipt.pdf.ReceiptDocument.Kind;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Line;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptDocumentTest {

    private final ReceiptDocument intra = SampleReceipts.intraState();

    @Test
    void blankOptionalTextsBecomeNullAndAmountsGetTwoDecimals() {
        ReceiptDocument.Supplier supplier = new ReceiptDocument.Supplier(" Vidya ", "Main", List.of("", " Road 1 "),
                " ", "", null);
        Line line = Line.untaxed("Fee", new BigDecimal("500"));

        assertThat(supplier.instituteName()).isEqualTo("Vidya");
        assertThat(supplier.addressLines()).containsExactly("Road 1");
        assertThat(supplier.stateName()).isNull();
        assertThat(supplier.stateCode()).isNull();
        assertThat(line.amount()).isEqualTo("500.00");
        assertThat(line.taxable()).isEqualTo("500.00");
        assertThat(new ReceiptDocument.Payment("Cash", "  ", SampleReceipts.ISSUED_ON).reference()).isNull();
    }

    @Test
    void theTaxHeadsDecideBetweenIgstAndCgstWithSgst() {
        assertThat(SampleReceipts.intraState().interState()).isFalse();
        assertThat(SampleReceipts.interState().interState()).isTrue();
        Line zeroIgst = new Line("Waived fee", "999293", new BigDecimal("0.00"), null, null, new BigDecimal("0.00"),
                new BigDecimal("0.00"));
        assertThat(withLines(Kind.TAX_INVOICE, List.of(zeroIgst)).interState()).isTrue();
    }

    @Test
    void aTaxInvoiceNeedsTheGstinAndTheState() {
        assertThatThrownBy(() -> new ReceiptDocument(intra.number(), intra.issuedOn(), Kind.TAX_INVOICE, false, null,
                SampleReceipts.delhiBranch(null), intra.recipient(), intra.placeOfSupply(), intra.lines(), intra.total(),
                intra.totalInWords(), intra.payment(), intra.allocations(), intra.pendingAfter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GSTIN");
    }

    @Test
    void aTaxInvoiceDoesNotMixIgstWithCgstAndSgst() {
        Line intraLine = intra.lines().getFirst();
        Line interLine = SampleReceipts.interState().lines().getFirst();

        assertThatThrownBy(() -> withLines(Kind.TAX_INVOICE, List.of(intraLine, interLine)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aPlainReceiptCarriesNoTax() {
        assertThatThrownBy(() -> withLines(Kind.RECEIPT, intra.lines()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tax");
    }

    @Test
    void aCancelledReceiptNeedsItsReason() {
        assertThatThrownBy(() -> new ReceiptDocument(intra.number(), intra.issuedOn(), intra.kind(), true, " ",
                intra.supplier(), intra.recipient(), intra.placeOfSupply(), intra.lines(), intra.total(),
                intra.totalInWords(), intra.payment(), intra.allocations(), intra.pendingAfter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cancel reason");
    }

    @Test
    void essentialsAreRequired() {
        assertThatThrownBy(() -> withLines(Kind.TAX_INVOICE, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one line");
        assertThatThrownBy(() -> new ReceiptDocument(" ", intra.issuedOn(), intra.kind(), false, null,
                intra.supplier(), intra.recipient(), intra.placeOfSupply(), intra.lines(), intra.total(),
                intra.totalInWords(), intra.payment(), intra.allocations(), intra.pendingAfter()))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> new ReceiptDocument(intra.number(), null, intra.kind(), false, null,
                intra.supplier(), intra.recipient(), intra.placeOfSupply(), intra.lines(), intra.total(),
                intra.totalInWords(), intra.payment(), intra.allocations(), intra.pendingAfter()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("issuedOn");
        assertThatThrownBy(() -> new ReceiptDocument(intra.number(), intra.issuedOn(), intra.kind(), false, null,
                intra.supplier(), intra.recipient(), intra.placeOfSupply(), intra.lines(), new BigDecimal("1.005"),
                intra.totalInWords(), intra.payment(), intra.allocations(), intra.pendingAfter()))
                .hasMessageContaining("fraction of a paisa");
        assertThatThrownBy(() -> new ReceiptDocument(intra.number(), intra.issuedOn(), intra.kind(), false, null,
                intra.supplier(), intra.recipient(), intra.placeOfSupply(), intra.lines(), intra.total(),
                intra.totalInWords(), intra.payment(), intra.allocations(), new BigDecimal("-1.00")))
                .hasMessageContaining("pendingAfter");
    }

    private ReceiptDocument withLines(Kind kind, List<Line> lines) {
        return new ReceiptDocument(intra.number(), intra.issuedOn(), kind, false, null, intra.supplier(),
                intra.recipient(), intra.placeOfSupply(), lines, intra.total(), intra.totalInWords(), intra.payment(),
                intra.allocations(), intra.pendingAfter());
    }
}
