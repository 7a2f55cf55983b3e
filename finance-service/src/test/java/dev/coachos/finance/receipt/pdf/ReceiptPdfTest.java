package dev.coachos.finance.receipt.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachos.finance.money.IndianFormat;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Allocation;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Kind;
import dev.coachos.finance.receipt.pdf.ReceiptDocument.Line;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReceiptPdfTest {

    private static final ReceiptPdf PDF = new ReceiptPdf();

    @Test
    void intraStateTaxInvoiceShowsTheGstinCgstAndSgstAndTheTotalWithTheRupeeSign() {
        String text = text(PDF.render(SampleReceipts.intraState()));

        assertThat(text)
                .contains("Tax Invoice", "DEL/26-27/00042", "14 Apr 2026")
                .contains("Vidya Coaching Institute", "Laxmi Nagar branch", "Laxmi Nagar, New Delhi 110092")
                .contains("GSTIN: " + SampleReceipts.GSTIN, "Delhi (state code 07)")
                .contains("Aarav Sharma", "ENR-2026-0042", "07 Delhi")
                .contains("SAC", "999293", "Taxable value", "CGST 9%", "SGST 9%")
                .contains("1,04,62,439.41", "9,41,619.55", "9,41,619.54")
                .contains("₹1,23,45,678.50")
                .contains("One Crore Twenty Three Lakh Forty Five Thousand Six Hundred Seventy Eight Rupees and "
                        + "Fifty Paise Only")
                .contains("UPI", "UTR 412398765432")
                .contains("Installment 1 of 2")
                .contains("Balance pending: ₹25,00,000.00")
                .contains("computer-generated receipt")
                .doesNotContain("IGST", "CANCELLED");
    }

    @Test
    void interStateTaxInvoiceShowsIgstInsteadOfCgstAndSgst() {
        String text = text(PDF.render(SampleReceipts.interState()));

        assertThat(text)
                .contains("Tax Invoice", "DEL/26-27/00043", "GSTIN: " + SampleReceipts.GSTIN, "999293")
                .contains("09 Uttar Pradesh", "IGST 18%", "15,677.97", "2,822.03")
                .contains("₹18,500.00", "Eighteen Thousand Five Hundred Rupees Only")
                .contains("Installment 2 of 3", "10 Apr 2026", "12,000.00", "Installment 3 of 3", "6,500.00")
                .contains("Balance pending: ₹5,500.00")
                .doesNotContain("CGST", "SGST", "CANCELLED");
    }

    @Test
    void plainReceiptHasNoTaxColumnsAndNoGstin() {
        String text = text(PDF.render(SampleReceipts.plain()));

        assertThat(text)
                .contains("Receipt", "LKO/26-27/00007", "Hazratganj branch", "Rohan Gupta")
                .contains("₹7,500.00", "Seven Thousand Five Hundred Rupees Only", "Cash")
                .contains("Balance pending: ₹22,500.00", "computer-generated receipt")
                .doesNotContain("Tax Invoice", "GSTIN", "SAC", "999293", "CGST", "SGST", "IGST", "Taxable value")
                .doesNotContain("Place of supply", "PLACE OF SUPPLY", "Reference", "CANCELLED");
    }

    @Test
    void cancelledReceiptIsStampedWithItsReason() {
        byte[] pdf = PDF.render(SampleReceipts.cancelled());

        assertThat(text(pdf))
                .contains("CANCELLED", "Cheque returned unpaid by the bank")
                .contains("DEL/26-27/00042", "₹1,23,45,678.50");
    }

    @Test
    void theEmbeddedFontHasTheRupeeSignAndTheTextReadsBackWithIt() throws IOException {
        byte[] pdf = PDF.render(SampleReceipts.intraState());

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
            // Subsets, "ABCDEF+DejaVuSans-Bold": only the glyphs used. The total and the balance are bold.
            PDType0Font bold = fonts.stream()
                    .map(PDType0Font.class::cast)
                    .filter(font -> font.getName().endsWith("+DejaVuSans-Bold"))
                    .findFirst()
                    .orElseThrow();
            COSStream toUnicode = (COSStream) bold.getCOSObject().getDictionaryObject(COSName.TO_UNICODE);
            byte[] rupee = new CMapParser().parse(toUnicode.createView()).getCodesFromUnicode("\u20B9");
            assertThat(rupee).as("the code the rupee sign is written with").hasSize(2);
            int code = (rupee[0] & 0xff) << 8 | rupee[1] & 0xff;
            PDCIDFontType2 glyphs = (PDCIDFontType2) bold.getDescendantFont();
            assertThat(glyphs.codeToGID(code)).as("glyph of the rupee sign").isPositive();
            assertThat(glyphs.getPath(code).getBounds2D().getWidth()).as("outline of the rupee sign").isPositive();
        }
        assertThat(text(pdf)).contains("\u20B9");
    }

    @Test
    void longTablesContinueOnANewPageWithTheHeaderRepeated() {
        ReceiptDocument one = SampleReceipts.plain();
        List<Allocation> allocations = IntStream.rangeClosed(1, 48)
                .mapToObj(i -> new Allocation("Installment " + i + " of 48", LocalDate.of(2026, 4, 10).plusMonths(i),
                        new BigDecimal("125.00")))
                .toList();
        ReceiptDocument many = new ReceiptDocument(one.number(), one.issuedOn(), Kind.RECEIPT, false, null,
                one.supplier(), one.recipient(), null, one.lines(), one.total(), one.totalInWords(), one.payment(),
                allocations, one.pendingAfter());

        byte[] pdf = PDF.render(many);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = text(pdf);
        assertThat(text).contains("Installment 1 of 48", "Installment 48 of 48", "Page 2 of 2", "Balance pending")
                .contains("Receipt LKO/26-27/00007 14 Apr 2026 (continued)");
        assertThat(text.split("Amount applied", -1)).hasSize(3);
    }

    @Test
    void textTheFontCannotPrintBecomesQuestionMarksInsteadOfFailing() {
        ReceiptDocument one = SampleReceipts.plain();
        ReceiptDocument devanagari = new ReceiptDocument(one.number(), one.issuedOn(), Kind.RECEIPT, false, null,
                one.supplier(), new ReceiptDocument.Recipient("रोहन\tGupta", "ENR-2026-0311", null), null,
                List.of(Line.untaxed("A description long enough to wrap: " + "x".repeat(200), one.total())),
                one.total(), one.totalInWords(), one.payment(), one.allocations(), one.pendingAfter());

        assertThat(text(PDF.render(devanagari))).contains("???? Gupta", "xxxxxxxx");
    }

    @Test
    void fiftyReceiptsRenderedAtOnceAreFiftyReadablePdfs() throws Exception {
        List<ReceiptDocument> receipts = List.of(
                SampleReceipts.intraState(), SampleReceipts.interState(), SampleReceipts.plain(), SampleReceipts.cancelled());
        List<Callable<String>> jobs = IntStream.range(0, 50)
                .<Callable<String>>mapToObj(i -> () -> text(PDF.render(receipts.get(i % receipts.size()))))
                .toList();
        List<String> texts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<String> result : pool.invokeAll(jobs)) {
                texts.add(result.get());
            }
        }

        assertThat(texts).hasSize(50);
        for (int i = 0; i < texts.size(); i++) {
            ReceiptDocument receipt = receipts.get(i % receipts.size());
            assertThat(texts.get(i))
                    .contains(receipt.number(), receipt.totalInWords(), "Balance pending")
                    .contains(IndianFormat.rupees(receipt.total()));
        }
    }

    /** The text of every page, with each run of spaces and line breaks as one space, since long text wraps. */
    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
